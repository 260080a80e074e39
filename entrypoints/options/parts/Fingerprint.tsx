import { Fragment } from 'preact';
import { formatFingerprint } from '@/lib/crypto/device-key';

/** "3F2A 9C01 …" as separate groups, large, so it can be read aloud over the phone one group at a time. */
export function Fingerprint({ groups, testId }: { groups: string[]; testId?: string }) {
  return (
    <p class="fingerprint" data-testid={testId}>
      {groups.map((group, i) => (
        // A space between groups, so copied or read-out text stays "3F2A 9C01 …" (the gap is CSS).
        <Fragment key={i}>
          {i > 0 && ' '}
          <span class="fp-group">{group}</span>
        </Fragment>
      ))}
    </p>
  );
}

/** The groups of a lowercase hex fingerprint (what parseOfficeKeyPem returns). */
export function fingerprintGroups(hex: string): string[] {
  return formatFingerprint(hex).split(' ');
}
