// The literal route table; the first pattern that matches the path wins.
import { productCreateRoute } from "./product-create.js";
import { productEditRoute } from "./product-edit.js";
import { priceUpdateRoute, stockUpdateRoute } from "./inventory-update.js";
import { activeRoute, deleteRoute, inactiveRoute } from "./product-status.js";
import { productInfoRoute } from "./products-read.js";
import { categoryRoute, etalaseRoute } from "./shop-read.js";
import type { Route } from "./types.js";

export const ROUTES: readonly Route[] = [
  productInfoRoute,
  productCreateRoute,
  productEditRoute,
  priceUpdateRoute,
  stockUpdateRoute,
  activeRoute,
  inactiveRoute,
  deleteRoute,
  etalaseRoute,
  categoryRoute,
];

const decodeSegment = (segment: string): string => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
};

export function matchRoute(path: string): { route: Route; fsRaw: string } | undefined {
  for (const route of ROUTES) {
    const m = route.pattern.exec(path);
    if (m?.[1] !== undefined) return { route, fsRaw: decodeSegment(m[1]) };
  }
  return undefined;
}

export type { Route, RouteContext } from "./types.js";
