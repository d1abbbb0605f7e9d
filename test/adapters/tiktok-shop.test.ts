// tiktok-shop passes the adapter contract against its mock over real HTTP (issue 15 "done when").
// NOTE: the mock runs with titleMinLength 1 here because the shared contract's product names
// ("Keripik Tempe 1") are shorter than the ID market's 25; the 25 rule has its own tests.
import { testAdapter } from "./contract.js";
import { TIKTOK_LEAF_ID, startTikTokRig } from "./tiktok-rig.js";

testAdapter("tiktok-shop (against the tiktok-shop mock)", async (seed) => {
  const rig = await startTikTokRig({ titleMinLength: 1 });
  for (const s of seed) rig.seed(s);
  return { adapter: await rig.adapter(), categoryId: TIKTOK_LEAF_ID, teardown: () => rig.stop() };
});
