// Which posts of the demo feed (tests/demo/feed/home.html) carry a marker once the demo pack
// (tests/demo/config-pack.json) is loaded, and what each names: the same in every browser.

/** Marked posts by author: the watchlisted names (data-asn) and the matched rule terms (data-terms). */
export const DEMO_MARKED: Record<string, { asn: string[]; terms: string[] }> = {
  sriwahyuni_guru: {
    asn: ['Sri Wahyuni, S.Pd.'],
    terms: ['kampanye akbar', 'Paslon 02', '#Coblos02', '#SuryaMelati'],
  },
  // A candidate's post, reposted by a watchlisted civil servant: the reposter is named.
  suryamelati02: { asn: ['Budi Santoso'], terms: ['Bersama Surya–Melati', '#Coblos02'] },
  // A quote post: the quoted text counts too.
  hendra_camat: { asn: ['Drs. Hendra Gunawan, M.Si.'], terms: ['salam dua jari', '#Coblos02'] },
  dr_agusprasetyo: { asn: ['dr. Agus Prasetyo'], terms: ['posko pemenangan', '#Coblos02', '#SuryaMelati'] },
  pcn_harapanjaya: {
    asn: [],
    terms: ['Partai Cahaya Nusantara', 'nomor urut 2', 'Surya Atmaja', 'Melati Kusuma', '#SuryaMelati'],
  },
  nuraini_bpkad: { asn: ['Nur Aini Rahmawati, S.E.'], terms: ['Cawabup 02'] },
  // A watchlisted account's harmless post: marked as a known ASN, with no terms.
  lestari_bappeda: { asn: ['Lestari Handayani, S.T.'], terms: [] },
  bambang_lurah: { asn: ['Bambang Sutrisno, S.Sos.'], terms: ['#Coblos02'] },
  relawan_darma01: { asn: [], terms: ['salam satu jari', 'Darma Wijaya', '#Coblos01'] },
};

/** Neutral posts' authors, "nomor urut 25" (not rule "nomor urut 2") among them. */
export const DEMO_UNMARKED = [
  'infocuaca_hj',
  'batiklaras',
  'rinamarlina_kuliner',
  'kabarharapanjaya',
  'adit_pratama',
  'puskesmas_sukamaju',
  'gowesharapan',
];
