import { AgoraError } from "../../framework/errors/index.ts"
import { ModuleService } from "../../framework/modules/index.ts"
import type { Filters, InferCreateInput, InferEntity, InferUpdateInput, ModuleDependencies } from "../../framework/modules/index.ts"
import { checkOneDefaultEach, lockCustomers, unsetReplacedDefaults } from "./default-addresses.ts"
import { Customer } from "./models/customer.ts"
import { CustomerAddress } from "./models/customer-address.ts"
import type { CustomerAddressDTO } from "./models/customer-address.ts"

export type CustomerDTO = InferEntity<typeof Customer>
export type CreateCustomerAddressInput = InferCreateInput<typeof CustomerAddress>
export type UpdateCustomerAddressInput = InferUpdateInput<typeof CustomerAddress>
export type CreateCustomerInput = Omit<InferCreateInput<typeof Customer>, "addresses"> & {
  addresses?: Omit<CreateCustomerAddressInput, "customer_id">[]
}
export type UpdateCustomerInput = InferUpdateInput<typeof Customer>

type Selector<Entity, Changes> = { selector: Filters<Entity>; data: Changes }
/** A customer's claim on an email for its account; `email: null` when it holds none. */
type Account = { id?: string; email: string | null }

const GeneratedCrud = ModuleService({ Customer, CustomerAddress })
type GeneratedCrud = InstanceType<typeof GeneratedCrud>
const REPLACED = [
  "createCustomers",
  "updateCustomers",
  "softDeleteCustomers",
  "restoreCustomers",
  "createCustomerAddresses",
  "updateCustomerAddresses",
] as const

// Generated methods are set on each instance, so a method below with the same name would be hidden by
// them: the base leaves the replaced names out of its type, and the constructor removes them.
const Base = GeneratedCrud as unknown as {
  new (dependencies: ModuleDependencies, options?: Record<string, unknown>): Omit<GeneratedCrud, (typeof REPLACED)[number]>
  readonly models: typeof GeneratedCrud.models
}

export class CustomerModuleService extends Base {
  private readonly crud: GeneratedCrud

  constructor(dependencies: ModuleDependencies, options: Record<string, unknown> = {}) {
    super(dependencies, options)
    this.crud = new GeneratedCrud(dependencies, options)
    for (const name of REPLACED) Reflect.deleteProperty(this, name)
  }

  /** Creates customers (emails lowercased), with their addresses when given. One account per email. */
  async createCustomers(data: CreateCustomerInput): Promise<CustomerDTO>
  async createCustomers(data: CreateCustomerInput[]): Promise<CustomerDTO[]>
  async createCustomers(data: CreateCustomerInput | CreateCustomerInput[]): Promise<CustomerDTO | CustomerDTO[]> {
    const inputs = (Array.isArray(data) ? data : [data]).map((input) => {
      const customer = normalizeCustomer(input)
      if (customer.has_account === true) requireEmail(customer.email)
      const addresses = (input.addresses ?? []).map(normalizeAddress)
      checkOneDefaultEach(addresses.map((address) => ({ ...address, customer_id: "" })))
      return { ...customer, addresses }
    })
    const accounts = inputs.flatMap((input) => (input.has_account === true && input.email ? [{ email: input.email }] : []))
    const created = await this.explainingDuplicates(accounts, () =>
      // Guests claim no email: nothing to check before the insert, which needs no transaction of its own.
      accounts.length === 0
        ? this.crud.createCustomers(inputs)
        : this.database.transaction(async () => {
            await this.checkAccounts(accounts)
            return this.crud.createCustomers(inputs)
          }),
    )
    return Array.isArray(data) ? created : (created[0] as CustomerDTO)
  }

  /**
   * The guest customer (no account) of an email, the first created when several are, created when
   * there is none. A new guest costs one statement: the insert, made only if no guest has that email.
   */
  async findOrCreateGuest(email: string): Promise<{ customer: CustomerDTO; created: boolean }> {
    const address = normalizeCustomer({ email }).email as string
    const noGuestYet = {
      sql: `not exists (select 1 from "customer" where "email" = ? and "has_account" = false and "deleted_at" is null)`,
      params: [address],
    }
    const [created] = await this.crud.createCustomers([{ email: address, has_account: false }], { onlyIf: noGuestYet })
    if (created) return { customer: created, created: true }
    const [found] = await this.crud.listCustomers({ email: address, has_account: false }, { take: 1, order: { created_at: "ASC" } })
    // A guest deleted between the insert and this read: the next call creates one.
    if (!found) throw new AgoraError(AgoraError.Types.CONFLICT, `The guest customer of ${address} changed meanwhile; try again`)
    return { customer: found, created: false }
  }

  /** Updates customers (emails lowercased). Becoming a registered customer needs an email no account holds. */
  async updateCustomers(data: UpdateCustomerInput): Promise<CustomerDTO>
  async updateCustomers(data: UpdateCustomerInput[]): Promise<CustomerDTO[]>
  async updateCustomers(data: Selector<CustomerDTO, Omit<UpdateCustomerInput, "id">>): Promise<CustomerDTO[]>
  async updateCustomers(
    data: UpdateCustomerInput | UpdateCustomerInput[] | Selector<CustomerDTO, Omit<UpdateCustomerInput, "id">>,
  ): Promise<CustomerDTO | CustomerDTO[]> {
    let accounts: Account[] = []
    const updated = await this.explainingDuplicates(
      () => accounts,
      () =>
        this.database.transaction(async () => {
          const inputs = (await this.updatesOf(data, this.listCustomers.bind(this))).map(normalizeCustomer)
          accounts = await this.accountsAfter(inputs)
          await this.checkAccounts(accounts)
          return this.crud.updateCustomers(inputs)
        }),
    )
    return Array.isArray(data) || "selector" in data ? updated : (updated[0] as CustomerDTO)
  }

  /** Soft-deletes customers and their addresses; restoring a customer brings back the addresses deleted with it. */
  async softDeleteCustomers(ids: string | string[]): Promise<void> {
    const list = Array.isArray(ids) ? ids : [ids]
    if (list.length === 0) return
    await this.database.transaction(async () => {
      const addresses = await this.listCustomerAddresses({ customer_id: list }, { select: ["id"] })
      await this.crud.softDeleteCustomers(list)
      await this.crud.softDeleteCustomerAddresses(addresses.map((address) => address.id))
    })
  }

  async restoreCustomers(ids: string | string[]): Promise<void> {
    const list = Array.isArray(ids) ? ids : [ids]
    if (list.length === 0) return
    await this.database.transaction(async () => {
      // Deleted with the customer (or after it): addresses deleted on their own before stay deleted.
      const addresses = await this.database.execute<{ id: string }>(
        `select a."id" from "customer_address" a join "customer" c on c."id" = a."customer_id"
         where c."id" in (${list.map(() => "?").join(", ")}) and a."deleted_at" >= c."deleted_at"`,
        list,
      )
      await this.crud.restoreCustomers(list)
      await this.crud.restoreCustomerAddresses(addresses.map((address) => address.id))
    })
  }

  /** Adds addresses; a new default shipping or billing address takes over from the customer's old one. */
  async createCustomerAddresses(data: CreateCustomerAddressInput): Promise<CustomerAddressDTO>
  async createCustomerAddresses(data: CreateCustomerAddressInput[]): Promise<CustomerAddressDTO[]>
  async createCustomerAddresses(
    data: CreateCustomerAddressInput | CreateCustomerAddressInput[],
  ): Promise<CustomerAddressDTO | CustomerAddressDTO[]> {
    const items = (Array.isArray(data) ? data : [data]).map((item) => {
      if (typeof item?.customer_id !== "string" || item.customer_id === "") invalidAddress("customer_id is required")
      return normalizeAddress(item)
    })
    checkOneDefaultEach(items)
    const created = await this.database.transaction(async () => {
      await lockCustomers(this.database, items.map((item) => item.customer_id))
      await unsetReplacedDefaults(this.database, items)
      return this.crud.createCustomerAddresses(items)
    })
    return Array.isArray(data) ? created : (created[0] as CustomerAddressDTO)
  }

  /** Updates addresses; one made the default shipping or billing address takes over from the old one. */
  async updateCustomerAddresses(data: UpdateCustomerAddressInput): Promise<CustomerAddressDTO>
  async updateCustomerAddresses(data: UpdateCustomerAddressInput[]): Promise<CustomerAddressDTO[]>
  async updateCustomerAddresses(
    data: Selector<CustomerAddressDTO, Omit<UpdateCustomerAddressInput, "id">>,
  ): Promise<CustomerAddressDTO[]>
  async updateCustomerAddresses(
    data: UpdateCustomerAddressInput | UpdateCustomerAddressInput[] | Selector<CustomerAddressDTO, Omit<UpdateCustomerAddressInput, "id">>,
  ): Promise<CustomerAddressDTO | CustomerAddressDTO[]> {
    const updated = await this.database.transaction(async () => {
      const inputs = (await this.updatesOf(data, this.listCustomerAddresses.bind(this))).map(normalizeAddress)
      const flagged = inputs.filter((input) => input.is_default_shipping === true || input.is_default_billing === true)
      if (flagged.length > 0) {
        const current = await this.listCustomerAddresses({ id: flagged.map((input) => input.id) }, { select: ["customer_id"] })
        const owned = flagged.flatMap((input) => {
          const customerId = input.customer_id ?? current.find((address) => address.id === input.id)?.customer_id
          return customerId ? [{ ...input, customer_id: customerId }] : []
        })
        checkOneDefaultEach(owned)
        await lockCustomers(this.database, owned.map((item) => item.customer_id))
        await unsetReplacedDefaults(this.database, owned)
      }
      return this.crud.updateCustomerAddresses(inputs)
    })
    return Array.isArray(data) || "selector" in data ? updated : (updated[0] as CustomerAddressDTO)
  }

  /** Each update as `{ id, ...changes }`, a selector expanded to the ids it matches. */
  private async updatesOf<Changes extends { id: string }, Entity extends { id: string }>(
    data: Changes | Changes[] | Selector<Entity, Omit<Changes, "id">>,
    list: (filters: Filters<Entity>, config: { select: "id"[] }) => Promise<{ id: string }[]>,
  ): Promise<Changes[]> {
    if (Array.isArray(data)) return data
    if (!("selector" in data)) return [data]
    const matching = await list(data.selector, { select: ["id"] })
    return matching.map((row) => ({ ...data.data, id: row.id }) as Changes)
  }

  /** For each customer whose email or account changes: the email it will hold an account with, or null. */
  private async accountsAfter(inputs: UpdateCustomerInput[]): Promise<Account[]> {
    const touched = inputs.filter((input) => input.email !== undefined || input.has_account !== undefined)
    if (touched.length === 0) return []
    const current = await this.listCustomers({ id: touched.map((input) => input.id) }, { select: ["email", "has_account"] })
    return touched.map((input) => {
      const before = current.find((customer) => customer.id === input.id)
      const email = input.email !== undefined ? input.email : (before?.email ?? null)
      const hasAccount = input.has_account ?? before?.has_account ?? false
      if (hasAccount) requireEmail(email)
      return { id: input.id, email: hasAccount ? email : null }
    })
  }

  /** Refuses an email that another registered customer (or another customer of the same call) holds. */
  private async checkAccounts(accounts: Account[]): Promise<void> {
    const claims = accounts.flatMap((account) => (account.email ? [{ id: account.id, email: account.email }] : []))
    if (claims.length === 0) return
    const emails = claims.map((claim) => claim.email)
    const twice = emails.find((email, i) => emails.indexOf(email) !== i)
    if (twice) throw alreadyRegistered(twice)
    const holders = await this.listCustomers({ email: emails, has_account: true }, { select: ["email"] })
    for (const holder of holders) {
      if (!claims.some((claim) => claim.email === holder.email && claim.id !== holder.id)) continue
      // A holder changed by the same call gives its email up unless it keeps it.
      const self = accounts.find((account) => account.id === holder.id)
      if (self && self.email !== holder.email) continue
      throw alreadyRegistered(holder.email ?? "")
    }
  }

  /**
   * Two registrations racing for one email both pass the check; the database's unique index stops the
   * second. Checking again once it failed turns that into the same message as the check's.
   */
  private async explainingDuplicates<T>(accounts: Account[] | (() => Account[]), work: () => Promise<T>): Promise<T> {
    try {
      return await work()
    } catch (error) {
      if (AgoraError.is(error) && error.type === AgoraError.Types.DUPLICATE_ERROR) {
        await this.checkAccounts(typeof accounts === "function" ? accounts() : accounts)
      }
      throw error
    }
  }
}

function normalizeCustomer<T extends Partial<CreateCustomerInput>>(input: T): T {
  if (input.email === undefined || input.email === null) return input
  if (typeof input.email !== "string" || !/^[^\s@]+@[^\s@]+$/.test(input.email.trim())) {
    throw new AgoraError(AgoraError.Types.INVALID_DATA, `Customer: email must be an email address, got "${String(input.email)}"`)
  }
  return { ...input, email: input.email.trim().toLowerCase() }
}

function requireEmail(email: string | null | undefined): void {
  if (!email) throw new AgoraError(AgoraError.Types.INVALID_DATA, "Customer: email is required for a customer with an account")
}

function normalizeAddress<T extends { country_code?: string | null }>(input: T): T {
  return typeof input.country_code === "string" ? { ...input, country_code: input.country_code.toLowerCase() } : input
}

function alreadyRegistered(email: string): AgoraError {
  return new AgoraError(AgoraError.Types.DUPLICATE_ERROR, `Customer with this email already has an account: ${email}`)
}

function invalidAddress(reason: string): never {
  throw new AgoraError(AgoraError.Types.INVALID_DATA, `CustomerAddress: ${reason}`)
}
