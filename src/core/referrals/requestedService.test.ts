import { describe, expect, it } from 'vitest';
import { serviceLineFromRequestedService } from './requestedService';

describe('serviceLineFromRequestedService', () => {
  it('reads the US Core examples the way a person would', () => {
    // servicerequest-rehab.json: "Alcohol rehabilitation" / "Alcoholism counseling"
    expect(serviceLineFromRequestedService(['Alcohol rehabilitation', 'Alcoholism counseling'])).toBe(
      'behavioral_health',
    );
    // servicerequest-foodpantry-referral.json: a social service with no clinical line
    expect(serviceLineFromRequestedService(['Food Pantry Referral'])).toBeNull();
  });
  it('maps common clinical requests', () => {
    expect(serviceLineFromRequestedService(['Referral to cardiology for chest pain'])).toBe('cardiology');
    expect(serviceLineFromRequestedService(['MRI lumbar spine'])).toBe('imaging');
    expect(serviceLineFromRequestedService(['Total knee replacement consult'])).toBe('orthopedics');
    expect(serviceLineFromRequestedService(['Physical therapy after stroke rehabilitation'])).toBe(
      'neurology',
    );
    expect(serviceLineFromRequestedService(['Outpatient physical therapy'])).toBe('rehab');
  });
  it('returns null on nothing', () => {
    expect(serviceLineFromRequestedService([])).toBeNull();
    expect(serviceLineFromRequestedService([undefined, ''])).toBeNull();
  });
});
