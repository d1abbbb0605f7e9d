// The normalized product as a zod schema: a safety net on what the pipeline emits, and the
// shape of `products` in the JSON report.
import { z } from "zod";

export const productSchema = z.strictObject({
  sku: z.string().min(1).regex(/^[A-Za-z0-9._-]+$/),
  name: z.string().min(1),
  description: z.string(),
  price: z.number().int().nonnegative(),
  stock: z.number().int().nonnegative(),
  weight: z.number().int().positive(),
  category: z.string(),
  condition: z.enum(["NEW", "USED"]),
  status: z.enum(["active", "inactive"]),
  min_order: z.number().int().positive(),
  etalase: z.string(),
  // http(s) links or local photo references (file names, paths): src/photos resolves and checks them.
  images: z.array(z.string().min(1)).max(50),
});

export const catalogProductSchema = productSchema.extend({
  line: z.number().int().positive(),
  sheet: z.string().optional(),
});

export type ProductShape = z.infer<typeof productSchema>;
