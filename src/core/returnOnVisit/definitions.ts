// The definitions the return-on-visit panel shows beside its numbers.
export const ROV_DEFINITIONS = [
  'Visit: an in-person visit, drop-in or lunch-and-learn with the physician as an attendee.',
  'Episode: the first visit to a physician after N months without any visit; later visits in the series belong to it.',
  'Before / after: the N calendar months before the visit month and the N months after it (the visit month itself is left out). Referrals are counted to our network (ours + affiliated), from the monthly rollup.',
  'Matched controls: physicians with no visit from the start of the before-window to the end of the after-window, with the same specialty, county, loyalty segment and referral-volume bucket in the before-window (county, then specialty, dropped when fewer than 5 match).',
  'Return on visit = (after − before) for the visited physician − (after − before) averaged over their controls, in referrals/month, averaged over episodes.',
  'Interval: cluster-robust (by physician) with a t quantile. It covers chance (Poisson noise), not bias from how physicians were chosen for visits.',
] as const;
