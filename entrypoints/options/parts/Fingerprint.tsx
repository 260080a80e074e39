import { formatFingerprint } from '@/lib/crypto/device-key';

/** "3F2A 9C01 …" as separate groups, large, so it can be read aloud over the phone one group at a time. */
export function Fingerprint({ groups, testId }: { groups: string[]; testId?: string }) {
  return (
    <p class="fingerprint" data-testid={testId}>
      {groups.map((group, i) => (
        <span class="fp-group" key={i}>
          {group}
        </span>
      ))}
    </p>
  );
}

/** The groups of a lowercase hex fingerprint (what parseOfficeKeyPem returns). */
export function fingerprintGroups(hex: string): string[] {
  return formatFingerprint(hex).split(' ');
}
