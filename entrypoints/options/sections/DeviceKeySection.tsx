import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { downloadFile } from '@/components/download';
import { t } from '@/lib/i18n';
import { z } from '@/lib/zod';
import { Fingerprint, fingerprintGroups } from '../parts/Fingerprint';
import { Section } from '../parts/Section';
import { StatusLine, useStatus } from '../parts/StatusLine';

// The background owns the key (non-extractable, in IndexedDB); it answers with the public half only.
// The groups are made here from the hex fingerprint, the one value the office compares.
const DeviceKeyReply = z.object({
  ok: z.literal(true),
  fingerprint: z.string().check(z.regex(/^[0-9a-f]{64}$/i)),
  publicKeyPem: z.string().check(z.startsWith('-----BEGIN PUBLIC KEY-----')),
});
type DeviceKeyReply = z.infer<typeof DeviceKeyReply>;

async function fetchDeviceKey(): Promise<DeviceKeyReply | null> {
  try {
    const parsed = DeviceKeyReply.safeParse(await browser.runtime.sendMessage({ type: 'device.key' }));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The fingerprint the office registers for this device, to check the signature on every bundle. */
export function DeviceKeySection() {
  const [key, setKey] = useState<DeviceKeyReply | null>();
  const [status, setStatus] = useStatus();
  useEffect(() => void fetchDeviceKey().then(setKey), []);

  const copy = async (groups: string[]) => {
    try {
      await navigator.clipboard.writeText(groups.join(' '));
      setStatus({ kind: 'ok', text: t('options_device_copied') });
    } catch {
      setStatus({ kind: 'error', text: t('options_device_copy_failed') });
    }
  };

  return (
    <Section id="device" title={t('options_device_title')} intro={t('options_device_intro')}>
      {key === undefined && <p class="hint">{t('common_loading')}</p>}
      {key === null && (
        <p class="error" role="alert">
          {t('options_device_unavailable')}
        </p>
      )}
      {key && (
        <>
          <Fingerprint groups={fingerprintGroups(key.fingerprint)} testId="fingerprint" />
          <div class="buttons">
            <button
              type="button"
              data-testid="copy-fingerprint"
              onClick={() => void copy(fingerprintGroups(key.fingerprint))}
            >
              {t('options_device_copy')}
            </button>
            <button
              type="button"
              data-testid="download-public-key"
              onClick={() =>
                downloadFile(
                  key.publicKeyPem,
                  `netra-${key.fingerprint.slice(0, 8).toLowerCase()}.pub.pem`,
                  'application/x-pem-file',
                )
              }
            >
              {t('options_device_download')}
            </button>
          </div>
        </>
      )}
      <StatusLine status={status} />
    </Section>
  );
}
