import type { AgoraRequest, AgoraResponse } from "../../../../framework/http/index.ts"
import { BRAND_MODULE } from "../../../../modules/brand/index.ts"
import type { BrandModuleService } from "../../../../modules/brand/index.ts"
import type { AdminUpdateBrand } from "../validators.ts"

type BrandParams = { id: string }

export const GET = async (req: AgoraRequest, res: AgoraResponse) => {
  const { id } = req.params as BrandParams
  const brands = req.scope.resolve<BrandModuleService>(BRAND_MODULE)
  const brand = await brands.retrieveBrand(id, { select: req.queryConfig.fields as never })
  res.json({ brand })
}

export const POST = async (req: AgoraRequest<AdminUpdateBrand>, res: AgoraResponse) => {
  const { id } = req.params as BrandParams
  const brands = req.scope.resolve<BrandModuleService>(BRAND_MODULE)
  await brands.updateBrands({ id, ...req.validatedBody })
  const brand = await brands.retrieveBrand(id, { select: req.queryConfig.fields as never })
  res.json({ brand })
}

export const DELETE = async (req: AgoraRequest, res: AgoraResponse) => {
  const { id } = req.params as BrandParams
  const brands = req.scope.resolve<BrandModuleService>(BRAND_MODULE)
  await brands.retrieveBrand(id, { select: ["id"] })
  await brands.softDeleteBrands(id)
  res.json({ id, object: "brand", deleted: true })
}
