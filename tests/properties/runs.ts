/** Cases per property: 10,000 in CI and by default; QUARRY_PROPERTY_RUNS lowers it for a quick local loop. */
export const PROPERTY_RUNS = Number(process.env.QUARRY_PROPERTY_RUNS ?? 10_000);
