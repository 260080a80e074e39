import type { Officer } from '../evidence/schema';
import type { Platform } from '../platforms/snapshot';

// Invented people, agencies and posts for the synthetic shift. Any likeness to a real account is an
// accident: handles use the reserved-looking suffix "_contoh" so nobody mistakes them for evidence.

export const SAMPLE_OFFICER: Officer = {
  name: 'Rina Marlina',
  nip: '198704122010012003',
  unit: 'Bawaslu Kabupaten Contoh',
};

export const SAMPLE_OFFICE = { name: 'Bawaslu Provinsi Contoh' };

export interface SampleAccount {
  handle: string;
  displayName: string;
  asn: { name: string; nip: string | null; agency: string };
}

export const ACCOUNTS: readonly SampleAccount[] = [
  {
    handle: 'sriwahyuni_contoh',
    displayName: 'Sri Wahyuni, S.Pd.',
    asn: { name: 'Sri Wahyuni', nip: '198503142009022001', agency: 'SD Negeri 3 Contoh' },
  },
  {
    handle: 'budi.santoso.contoh',
    displayName: 'Budi Santoso',
    asn: { name: 'Budi Santoso', nip: '197911052005011002', agency: 'Dinas Pekerjaan Umum Kabupaten Contoh' },
  },
  {
    handle: 'dewi_lestari_contoh',
    displayName: 'Dewi Lestari ✨',
    asn: { name: 'Dewi Lestari', nip: null, agency: 'Puskesmas Kecamatan Contoh' },
  },
  {
    handle: 'agus.pranoto.contoh',
    displayName: 'Agus Pranoto, S.E.',
    asn: { name: 'Agus Pranoto', nip: '198102202006041003', agency: 'Kantor Kecamatan Contoh Utara' },
  },
  {
    handle: 'nurhayati_contoh',
    displayName: 'Hj. Nurhayati',
    asn: { name: 'Nurhayati', nip: '197608172003122004', agency: 'Dinas Pendidikan Kabupaten Contoh' },
  },
  {
    handle: 'yusuf_contoh88',
    displayName: 'Yusuf "Ucup" Hidayat',
    asn: { name: 'Yusuf Hidayat', nip: null, agency: 'RSUD Contoh' },
  },
];

export const POSTS: readonly string[] = [
  'Ayo dukung Paslon 02 demi pembangunan yang merata! #Coblos02 #LanjutkanKebaikan',
  'Alhamdulillah hadir di kampanye akbar tadi pagi, bersama rekan-rekan guru. Pilihan kita sudah jelas 👍',
  'Jangan lupa tanggal 27 November, coblos nomor 1, ya. Bapak/Ibu, sebarkan!',
  'Setuju sekali, Pak. Kita semua harus kompak memenangkan beliau.\nSalam dua jari ✌️',
  'Foto bersama calon bupati di acara "silaturahmi", semoga amanah.',
  'Kalau bukan beliau, siapa lagi? Sudah terbukti kerjanya, 5 tahun lagi!',
  'Grup WA kantor sudah sepakat, ya: satu komando.',
  'Mohon doa restu, kami tim relawan dari kecamatan siap bergerak.',
];

const ACCENTS: Record<Exclude<Platform, 'web'>, readonly [number, number, number]> = {
  x: [20, 20, 20],
  facebook: [24, 119, 242],
  instagram: [193, 53, 132],
};

export const PLATFORMS = ['x', 'facebook', 'instagram'] as const;

export function accentOf(platform: (typeof PLATFORMS)[number]): readonly [number, number, number] {
  return ACCENTS[platform];
}

/** The post's permalink and the account's profile on each platform, in its canonical shape. */
export function urlsFor(platform: (typeof PLATFORMS)[number], handle: string, n: number) {
  const id = String(1_860_000_000_000_000_000n + BigInt(n));
  switch (platform) {
    case 'x':
      return {
        post: `https://x.com/${handle}/status/${id}`,
        profile: `https://x.com/${handle}`,
        postId: id,
        page: 'https://x.com/home',
      };
    case 'facebook':
      return {
        post: `https://www.facebook.com/${handle}/posts/${id}`,
        profile: `https://www.facebook.com/${handle}`,
        postId: id,
        page: 'https://www.facebook.com/',
      };
    case 'instagram': {
      const code = `C${n.toString(36).padStart(6, '0')}Xy`;
      return {
        post: `https://www.instagram.com/p/${code}/`,
        profile: `https://www.instagram.com/${handle}/`,
        postId: code,
        page: 'https://www.instagram.com/',
      };
    }
  }
}

/** `date` as ISO 8601 on the wall clock of `offset` minutes east of UTC: 2026-11-21T08:00:00.000+07:00. */
export function isoAt(date: Date, offset: number): string {
  const local = new Date(date.getTime() + offset * 60_000).toISOString().slice(0, -1);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
