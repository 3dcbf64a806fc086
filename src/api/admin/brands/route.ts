import type { AgoraRequest, AgoraResponse } from "../../../framework/http/index.ts"
import { BRAND_MODULE } from "../../../modules/brand/index.ts"
import type { BrandModuleService } from "../../../modules/brand/index.ts"
import type { AdminCreateBrand, AdminGetBrandsParams } from "./validators.ts"

export const GET = async (req: AgoraRequest<unknown, AdminGetBrandsParams>, res: AgoraResponse) => {
  const { fields, pagination } = req.queryConfig
  const [brands, count] = await req.scope.resolve<BrandModuleService>(BRAND_MODULE).listAndCountBrands(req.filterableFields, {
    select: fields as never,
    take: pagination.take,
    skip: pagination.skip,
    order: pagination.order ?? { created_at: "DESC" },
  })
  res.json({ brands, count, offset: pagination.skip, limit: pagination.take })
}

export const POST = async (req: AgoraRequest<AdminCreateBrand>, res: AgoraResponse) => {
  const brands = req.scope.resolve<BrandModuleService>(BRAND_MODULE)
  const created = await brands.createBrands(req.validatedBody)
  const brand = await brands.retrieveBrand(created.id, { select: req.queryConfig.fields as never })
  res.json({ brand })
}
