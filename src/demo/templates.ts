/** Note / issue / task templates for the demo CRM. Never contains patient information. */

export const TOPICS = [
  'same-week cardiology access',
  'the new joint replacement pathway',
  'direct scheduling for imaging',
  'lung cancer screening criteria',
  'our e-consult program',
  'the new GI open-access endoscopy line',
  'sleep study referrals',
  'the heart failure clinic',
  'sports medicine walk-in hours',
  'the breast health navigator',
  'stroke follow-up clinic',
  'behavioral health integration',
];

export const NOTE = {
  routine: [
    'Met with {dr}; reviewed {svc} access and the direct scheduling line. Positive conversation.',
    'Dropped off updated {svc} referral guide; spoke with {contact} at the front desk.',
    '{dr} asked about turnaround on {svc} consult notes. Promised to check with the department.',
    'Quick check-in with {contact}. Office happy with {svc} scheduling lately.',
    'Shared new {svc} provider roster and clinic locations with {dr}.',
    'Reviewed referral fax number change with {contact}; updated their EHR address book.',
    '{dr} was with patients; left materials on {svc} and will return next week.',
    'Discussed {topic} with {dr}. Interested; wants outcomes data.',
    'Office moving to a new EHR next quarter; {contact} asked for our referral order set.',
    'Brief hallway chat with {dr} about {svc} wait times; no concerns raised.',
  ],
  remote: [
    'Called {contact} to confirm {svc} referral process. No issues.',
    'Emailed {dr} the {svc} quick-reference sheet as requested.',
    'Virtual meeting with {dr} about {topic}.',
    'Left voicemail for {contact} re: upcoming lunch-and-learn.',
  ],
  intro: [
    'Introductory visit with {dr}. Currently sends most {svc} to {comp}; open to trying our team.',
    'First meeting with {dr}: discussed {topic} and how to reach our {svc} schedulers directly.',
    'Intro visit. {dr} cited drive time as the main reason for using {comp} for {svc}; shared our closer locations.',
  ],
  drift: [
    '{dr} mentioned sending more {svc} patients to {comp} since their new office opened nearby.',
    '{contact} says {svc} appointments with us have taken {weeks} weeks; they have started using {comp}.',
    '{dr} frustrated about not receiving {svc} consult notes; considering {comp}.',
    'Noticed fewer {svc} referrals; {contact} confirmed a new payer contract steering to {comp}.',
  ],
  lunch: [
    'Lunch-and-learn with {n} providers on {topic}. Good engagement; {contact} requested more referral pads.',
    'Hosted lunch for the office; our {svc} physician presented {topic}.',
    'Lunch-and-learn on {topic}. Several questions about {svc} scheduling.',
  ],
  event: [
    'CME dinner program on {topic}; {n} physicians attended.',
    'Open house at the {svc} center; toured referring physicians through the new space.',
  ],
} as const;

export const ISSUE = {
  access: [
    [
      'Long wait for new {svc} patients',
      'Office reports 5+ week wait for new-patient appointments.',
      'Added two new-patient slots per week; confirmed with office.',
    ],
    [
      'No callback from scheduling',
      'Referred patients not called back within 3 business days.',
      'Scheduling team retrained; callback within 48h confirmed.',
    ],
    [
      'Cannot reach department by phone',
      'Phone tree drops calls after hours of hold.',
      'Provided direct line for referral coordinators.',
    ],
  ],
  scheduling: [
    [
      'Appointments scheduled at wrong location',
      'Patients booked far from their home ZIP.',
      'Scheduling rules updated to prefer nearest clinic.',
    ],
    [
      'Referral orders lost in fax queue',
      'Two faxed orders never reached scheduling.',
      'Moved office to e-referral; fax queue audited.',
    ],
  ],
  communication: [
    [
      'Consult notes not received',
      'Physician not getting consult notes after visits.',
      'Added practice to automatic note routing.',
    ],
    [
      'Not informed of patient admission',
      'Practice learned of admission only at discharge.',
      'Enrolled practice in ADT notifications.',
    ],
  ],
  quality: [
    [
      'Concern about follow-up care',
      'Physician raised concern about post-procedure follow-up instructions.',
      'Reviewed with department chair; instructions revised.',
    ],
  ],
  billing: [
    [
      'Patient billing confusion',
      'Office receiving calls about facility fees after referrals.',
      'Shared price-estimate line and facility fee explainer.',
    ],
  ],
} as const;

export const TASKS = [
  'Send {svc} referral pads',
  'Follow up on {svc} access concern',
  'Schedule lunch-and-learn',
  'Introduce {dr} to {svc} team',
  'Send consult-note routing form',
  'Share direct scheduling number',
  'Check status of open issue',
  'Send outcomes report to {dr}',
];
