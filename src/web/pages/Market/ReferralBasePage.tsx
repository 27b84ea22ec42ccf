// /referrals/base/:npi — the referral base on its own page (linked from leakage, movers and alerts).
import { useParams } from 'react-router-dom';
import { Page } from '../../ui';
import { useReferralBase } from './api';
import { ReferralBaseTab } from './ReferralBaseTab';

export default function ReferralBasePage() {
  const { npi = '' } = useParams();
  const q = useReferralBase(npi);
  return (
    <Page title={q.data?.provider?.name ?? `NPI ${npi}`} subtitle="Referral base">
      <ReferralBaseTab npi={npi} />
    </Page>
  );
}
