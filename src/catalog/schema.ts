// The normalized product as a zod schema: a safety net on what the pipeline emits, and the
// shape of `products` in the JSON report.
import { z } from "zod";

const sku = z.string().min(1).regex(/^[A-Za-z0-9._-]+$/);
const status = z.enum(["active", "inactive"]);

/** Catalogue v2 (issue 14): one sellable SKU of a product with variants. */
export const variantSchema = z.strictObject({
  sku,
  options: z.record(z.string().min(1), z.string().min(1)),
  price: z.number().int().nonnegative(),
  stock: z.number().int().nonnegative(),
  weight: z.number().int().positive(),
  images: z.array(z.string().min(1)).max(1),
  status,
  overrides: z.record(z.string(), z.strictObject({ price: z.number().int().optional(), stock: z.number().int().optional() })).optional(),
  line: z.number().int().positive(),
  sheet: z.string().optional(),
  cell: z.string().optional(),
});

export const productSchema = z.strictObject({
  sku,
  name: z.string().min(1),
  description: z.string(),
  price: z.number().int().nonnegative(),
  stock: z.number().int().nonnegative(),
  weight: z.number().int().positive(),
  category: z.string(),
  condition: z.enum(["NEW", "USED"]),
  status,
  min_order: z.number().int().positive(),
  etalase: z.string(),
  // http(s) links or local photo references (file names, paths): src/photos resolves and checks them.
  images: z.array(z.string().min(1)).max(50),
  // catalogue v2 (issue 14): optional, absent = empty
  brand: z.string().optional(),
  attributes: z.record(z.string().min(1), z.string()).optional(),
  certificates: z
    .strictObject({
      pirt: z.string().optional(),
      bpom: z.string().optional(),
      pomTr: z.string().optional(),
      halal: z.string().optional(),
      sni: z.string().optional(),
      files: z.array(z.string()).optional(),
    })
    .optional(),
  overrides: z.record(z.string(), z.strictObject({ name: z.string().optional(), price: z.number().int().optional(), stock: z.number().int().optional() })).optional(),
  variants: z.array(variantSchema).optional(),
});

export const catalogProductSchema = productSchema.extend({
  line: z.number().int().positive(),
  sheet: z.string().optional(),
});

export type ProductShape = z.infer<typeof productSchema>;
