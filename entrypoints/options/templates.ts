// CSV templates the office fills in a spreadsheet: the header the importers expect and one invented
// example row. A BOM, so Excel opens the file as UTF-8; CRLF, as spreadsheets write CSV.

export interface CsvTemplate {
  fileName: string;
  content: string;
}

const csv = (lines: string[]) => `\uFEFF${lines.join('\r\n')}\r\n`;

export const WATCHLIST_TEMPLATE: CsvTemplate = {
  fileName: 'netra-daftar-pantau-templat.csv',
  content: csv([
    'nama,nip,instansi,jabatan,platform,akun,url',
    'Contoh Nama Pegawai,199001012015031001,Dinas Contoh Kabupaten Fiktif,Analis Kebijakan,x,contoh_asn_fiktif,https://x.com/contoh_asn_fiktif',
  ]),
};

export const RULES_TEMPLATE: CsvTemplate = {
  fileName: 'netra-aturan-narasi-templat.csv',
  content: csv([
    'istilah,label,jenis,kategori',
    'salam tiga jari,Gestur dukungan pasangan contoh,gestur,attributes',
  ]),
};
