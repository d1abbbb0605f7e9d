import { testAdapter } from "./contract.js";
import { SHOPEE_LEAF_ID, startShopeeRig } from "./shopee-rig.js";

testAdapter("shopee (against the Shopee mock marketplace)", async (seed) => {
  const rig = await startShopeeRig({ seed });
  return { adapter: rig.adapter, categoryId: SHOPEE_LEAF_ID, teardown: () => rig.stop() };
});
