// Certificate and permit numbers (issue 14 "Attributes and certificates"): what each kind can look
// like, so a number that cannot be one is caught offline. Lenient on how it is written (prefixes
// such as "P-IRT No.", "BPOM RI", spaces, dots and dashes between digit groups), strict on what is
// left. Sources, found with the search tool (pages corpus):
// - P-IRT / SPP-IRT: 15 digits (packaging 1, food type 2, province + regency 4, product 2, producer
//   4, expiry year 2): Peraturan BPOM No. 22 Tahun 2018 (Pedoman Pemberian SPP-IRT), as explained by
//   tempo.co "Tak Sekadar Nomor Urut, Ini Arti Nomor P-IRT" ("minimal 15 digit", e.g.
//   "P-IRT No. 1234567890123-45") and izin.co.id "Penulisan PIRT yang benar" ("15 digit angka").
//   NOTE: 16 is accepted too, as "minimal 15" leaves room; fewer is an old or cut-off number.
// - BPOM RI MD / ML (processed food, local / imported): MD or ML + 12 digits (scribd "Nomor
//   Registrasi": packaging 1, food type 3, province or country 2, product 3, company 3) or + 15
//   digits in the risk-based numbers since 2021 (Business::ID::POM on metacpan:
//   "MD240935001200027"; "BPOM RI MD 224510107115").
// - POM TR / TI / TL (jamu and other traditional medicine: local, imported, licensed), HT (herbal
//   terstandar), FF (fitofarmaka): the letters + 9 digits (year 2, company form 1, dosage form 1,
//   product 4, pack 1), an "E" after them for export (scribd "Tata Cara Penulisan Nomor Registrasi
//   Obat Tradisional": "11 digit: 2 huruf dan 9 angka", e.g. TR182614921; "POM TR172302151E").
// - Halal certificate (BPJPH, Kementerian Agama): "ID" + digits, e.g. ID8111000xxxxxxx, checkable
//   at halal.go.id (sahabathalal.id "Apa saja yang tertulis di dalam Sertifikat Halal BPJPH RI").
//   NOTE: the digit count is not fixed in any source found; 10 to 20 digits are accepted.
// - SNI: a standard number (SNI 3542:2018, SNI 01-3542-2004) or an SPPT-SNI certificate number,
//   whose form differs per certification body: only "has digits, no stray characters" is checked.

export type CertificateKind = "pirt" | "bpom" | "pomTr" | "halal" | "sni";

export type CertificateCheck =
  | { ok: true; value: string; kind: CertificateKind }
  | { ok: false; reason: "digits" | "prefix" | "characters"; expected: string };

/** What a correct number of each kind looks like (issue args, shown in the hint). */
export const CERTIFICATE_EXAMPLE: Record<CertificateKind, string> = {
  pirt: "P-IRT 206330501002025 (15 digit)",
  bpom: "BPOM RI MD 224510107115 (MD/ML + 12 digit)",
  pomTr: "POM TR 182614921 (TR/TI/TL/HT/FF + 9 digit)",
  halal: "ID35110000123450123 (ID + digit)",
  sni: "SNI 3542:2018",
};

const digitsOf = (s: string): string => s.replace(/[\s.\-/]/g, "");

/**
 * Checks `text` (trimmed, non-empty) as a number of `kind`. The value kept is the text as written;
 * a BPOM cell holding a traditional-medicine number (POM TR ...) is kept as that kind.
 */
export function checkCertificate(kind: CertificateKind, text: string): CertificateCheck {
  const upper = text.toUpperCase().replace(/^(NO(MOR)?\.?|NO\.?\s*REG(ISTRASI)?\.?)\s*:?\s*/, "").trim();
  const fail = (reason: "digits" | "prefix" | "characters"): CertificateCheck => ({ ok: false, reason, expected: CERTIFICATE_EXAMPLE[kind] });
  switch (kind) {
    case "pirt": {
      const rest = upper.replace(/^(SPP[\s-]?|P[\s-]?)?IRT\s*(NO\.?|NOMOR)?\s*:?\s*/, "");
      if (!/^[\d\s.\-/]+$/.test(rest)) return fail("characters");
      const n = digitsOf(rest).length;
      return n === 15 || n === 16 ? { ok: true, value: text, kind } : fail("digits");
    }
    case "bpom":
    case "pomTr": {
      const rest = upper.replace(/^(BADAN\s+)?B?POM(\s+RI)?\s*:?\s*/, "");
      const tr = /^(TR|TI|TL|HT|FF)\s*([\d\s.\-]+?)\s*E?$/.exec(rest);
      if (tr) return digitsOf(tr[2]!).length === 9 ? { ok: true, value: text, kind: "pomTr" } : fail("digits");
      const md = /^(MD|ML)\s*([\d\s.\-]+)$/.exec(rest);
      if (md) {
        const n = digitsOf(md[2]!).length;
        return kind === "bpom" && (n === 12 || n === 15) ? { ok: true, value: text, kind } : fail(kind === "bpom" ? "digits" : "prefix");
      }
      // Bare digits: the letters were left out; the count still tells whether it can be one.
      if (/^[\d\s.\-]+$/.test(rest)) {
        const n = digitsOf(rest).length;
        if (kind === "pomTr") return n === 9 ? { ok: true, value: text, kind } : fail("digits");
        return n === 12 || n === 15 ? { ok: true, value: text, kind } : fail("digits");
      }
      return fail("prefix");
    }
    case "halal": {
      const m = /^ID\s*([\d\s.\-]+)$/.exec(upper);
      if (!m) return fail("prefix");
      const n = digitsOf(m[1]!).length;
      return n >= 10 && n <= 20 ? { ok: true, value: text, kind } : fail("digits");
    }
    case "sni": {
      if (!/\d{3}/.test(upper)) return fail("digits");
      return /^[A-Z0-9\s.:\-/]+$/.test(upper) ? { ok: true, value: text, kind } : fail("characters");
    }
  }
}

/**
 * Categories whose products need a food or medicine permit online (food, drink, jamu, herbal):
 * checked on the category as written (a name or a path); a numeric code says nothing offline.
 */
const PERMIT_CATEGORY = /\b(makanan|minuman|pangan|kuliner|jamu|herbal|obat tradisional|camilan|cemilan|snack|keripik|kripik|kerupuk|kue|roti|kopi|teh|madu|sambal|bumbu|rempah|olahan|frozen food|beku|sirup|susu|cokelat|coklat|food|beverage|drink|tea|coffee|honey)\b/i;

export const needsFoodPermit = (category: string): boolean => category !== "" && !/^\d+$/.test(category.trim()) && PERMIT_CATEGORY.test(category);
