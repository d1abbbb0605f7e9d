// Category trees: nested nodes (as marketplaces serve them) <-> the flat Category list adapters return.
import type { Category } from "../adapters/types.js";

export interface CategoryNode {
  id: string;
  name: string;
  children?: CategoryNode[];
}

/** Depth-first, parents before their children, keeping the tree's order. */
export function flattenCategoryTree(nodes: readonly CategoryNode[], parentPath: string[] = []): Category[] {
  const out: Category[] = [];
  for (const node of nodes) {
    const path = [...parentPath, node.name];
    const children = node.children ?? [];
    out.push({ id: node.id, name: node.name, path, isLeaf: children.length === 0 });
    out.push(...flattenCategoryTree(children, path));
  }
  return out;
}

/** Leaves whose name or full path contains `search` (case-insensitive), in tree order. */
export function searchLeaves(categories: readonly Category[], search: string): Category[] {
  const needle = search.toLowerCase().replace(/\s+/g, " ").trim();
  return categories.filter(
    (c) => c.isLeaf && (c.name.toLowerCase().includes(needle) || c.path.join(" > ").toLowerCase().includes(needle)),
  );
}
