import { testAdapter } from "./contract.js";
import { MOCK_LEAF_ID, startMockRig } from "./mock-harness.js";

testAdapter("tokopedia (against the mock marketplace)", async (seed) => {
  const rig = await startMockRig({ seed });
  return {
    adapter: rig.adapter,
    categoryId: MOCK_LEAF_ID,
    teardown: () => rig.stop(),
  };
});
