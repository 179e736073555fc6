//! Which locales and currencies a config may name: language tags the browser's `Intl` accepts
//! (the Unicode BCP 47 locale grammar, as ECMA-402 checks it) with a known language, and currency
//! codes on the ISO 4217 list.

/// ISO 639-1 languages, and the three-letter languages browsers carry data for.
const LANGUAGES: &[&str] = &[
    "aa", "ab", "ae", "af", "ak", "am", "an", "ar", "as", "av", "ay", "az", "ba", "be", "bg", "bi", "bm",
    "bn", "bo", "br", "bs", "ca", "ce", "ch", "co", "cr", "cs", "cu", "cv", "cy", "da", "de", "dv", "dz",
    "ee", "el", "en", "eo", "es", "et", "eu", "fa", "ff", "fi", "fj", "fo", "fr", "fy", "ga", "gd", "gl",
    "gn", "gu", "gv", "ha", "he", "hi", "ho", "hr", "ht", "hu", "hy", "hz", "ia", "id", "ie", "ig", "ii",
    "ik", "io", "is", "it", "iu", "ja", "jv", "ka", "kg", "ki", "kj", "kk", "kl", "km", "kn", "ko", "kr",
    "ks", "ku", "kv", "kw", "ky", "la", "lb", "lg", "li", "ln", "lo", "lt", "lu", "lv", "mg", "mh", "mi",
    "mk", "ml", "mn", "mr", "ms", "mt", "my", "na", "nb", "nd", "ne", "ng", "nl", "nn", "no", "nr", "nv",
    "ny", "oc", "oj", "om", "or", "os", "pa", "pi", "pl", "ps", "pt", "qu", "rm", "rn", "ro", "ru", "rw",
    "sa", "sc", "sd", "se", "sg", "si", "sk", "sl", "sm", "sn", "so", "sq", "sr", "ss", "st", "su", "sv",
    "sw", "ta", "te", "tg", "th", "ti", "tk", "tl", "tn", "to", "tr", "ts", "tt", "tw", "ty", "ug", "uk",
    "ur", "uz", "ve", "vi", "vo", "wa", "wo", "xh", "yi", "yo", "za", "zh", "zu",
    "ast", "bgc", "bho", "brx", "ceb", "chr", "ckb", "doi", "dsb", "fil", "frr", "fur", "gsw", "haw",
    "hsb", "kab", "kok", "lij", "mai", "mfe", "mni", "nds", "raj", "sah", "sat", "scn", "smn", "szl",
    "vec", "yrl", "yue", "zgh",
];

/// ISO 4217 currency codes in use, with the funds and precious-metal codes the list carries.
pub(crate) const CURRENCIES: &[&str] = &[
    "AED", "AFN", "ALL", "AMD", "ANG", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT", "BGN",
    "BHD", "BIF", "BMD", "BND", "BOB", "BOV", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD", "CAD", "CDF",
    "CHE", "CHF", "CHW", "CLF", "CLP", "CNY", "COP", "COU", "CRC", "CUP", "CVE", "CZK", "DJF", "DKK",
    "DOP", "DZD", "EGP", "ERN", "ETB", "EUR", "FJD", "FKP", "GBP", "GEL", "GHS", "GIP", "GMD", "GNF",
    "GTQ", "GYD", "HKD", "HNL", "HTG", "HUF", "IDR", "ILS", "INR", "IQD", "IRR", "ISK", "JMD", "JOD",
    "JPY", "KES", "KGS", "KHR", "KMF", "KPW", "KRW", "KWD", "KYD", "KZT", "LAK", "LBP", "LKR", "LRD",
    "LSL", "LYD", "MAD", "MDL", "MGA", "MKD", "MMK", "MNT", "MOP", "MRU", "MUR", "MVR", "MWK", "MXN",
    "MXV", "MYR", "MZN", "NAD", "NGN", "NIO", "NOK", "NPR", "NZD", "OMR", "PAB", "PEN", "PGK", "PHP",
    "PKR", "PLN", "PYG", "QAR", "RON", "RSD", "RUB", "RWF", "SAR", "SBD", "SCR", "SDG", "SEK", "SGD",
    "SHP", "SLE", "SLL", "SOS", "SRD", "SSP", "STN", "SVC", "SYP", "SZL", "THB", "TJS", "TMT", "TND",
    "TOP", "TRY", "TTD", "TWD", "TZS", "UAH", "UGX", "USD", "USN", "UYI", "UYU", "UYW", "UZS", "VED",
    "VES", "VND", "VUV", "WST", "XAF", "XAG", "XAU", "XBA", "XBB", "XBC", "XBD", "XCD", "XCG", "XDR",
    "XOF", "XPD", "XPF", "XPT", "XSU", "XTS", "XUA", "XXX", "YER", "ZAR", "ZMW", "ZWG", "ZWL",
];

/// Whether `code` is an ISO 4217 currency code (exactly, in capitals).
pub fn is_currency(code: &str) -> bool {
    CURRENCIES.contains(&code)
}

/// The decimals of a currency per ISO 4217, for configs that do not say; 2 for all others.
pub fn currency_minor_units(code: &str) -> u8 {
    match code {
        "BIF" | "CLP" | "DJF" | "GNF" | "ISK" | "JPY" | "KMF" | "KRW" | "PYG" | "RWF" | "UGX"
        | "UYI" | "VND" | "VUV" | "XAF" | "XOF" | "XPF" => 0,
        "BHD" | "IQD" | "JOD" | "KWD" | "LYD" | "OMR" | "TND" => 3,
        "CLF" | "UYW" => 4,
        _ => 2,
    }
}

/// The direction a locale's text runs: `"rtl"` for languages written right to left (Arabic,
/// Hebrew, Persian, Urdu, …) or a right-to-left script subtag (`az-Arab`), else `"ltr"`. The
/// widget sets it as its `dir`, so a right-to-left page does not reorder a left-to-right widget.
pub fn text_direction(locale: &str) -> &'static str {
    let mut parts = locale.split(['-', '_']);
    let language = parts.next().unwrap_or("").to_ascii_lowercase();
    let script = parts.next().filter(|s| s.len() == 4).map(str::to_ascii_lowercase);
    let rtl = match script.as_deref() {
        Some("arab" | "hebr" | "thaa" | "syrc" | "nkoo" | "adlm" | "rohg" | "mand" | "samr") => true,
        Some(_) => false,
        None => matches!(language.as_str(), "ar" | "he" | "iw" | "fa" | "ur" | "ps" | "sd" | "ug" | "yi" | "ji" | "dv" | "ckb" | "ks" | "syr"),
    };
    if rtl {
        "rtl"
    } else {
        "ltr"
    }
}

fn alpha(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_alphabetic())
}
fn alnum(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_alphanumeric())
}
fn digits(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_digit())
}
fn len_in(s: &str, lo: usize, hi: usize) -> bool {
    (lo..=hi).contains(&s.len())
}

/// Why a language tag is refused, or `None` when the browser accepts it and knows its language.
///
/// The grammar is Unicode's `unicode_locale_id` as `Intl` checks it: a language of 2–3 or 5–8
/// letters, an optional 4-letter script, an optional region (2 letters or 3 digits), variants
/// (5–8 letters or digits, or a digit and 3 more) without repeats, then extensions (a singleton
/// and subtags of 2–8, no singleton twice) and a private-use part (`x-…`).
pub fn locale_problem(tag: &str) -> Option<&'static str> {
    if tag.is_empty() || !tag.is_ascii() {
        return Some("not a language tag");
    }
    let lower = tag.to_ascii_lowercase();
    let parts: Vec<&str> = lower.split('-').collect();
    if parts.iter().any(|p| p.is_empty()) {
        return Some("empty part");
    }
    let mut i = 0;
    let language = parts[0];
    if !(alpha(language) && (len_in(language, 2, 3) || len_in(language, 5, 8))) {
        return Some("the first part must be a language");
    }
    if !LANGUAGES.contains(&language) {
        return Some("unknown language");
    }
    i += 1;
    if parts.get(i).is_some_and(|p| p.len() == 4 && alpha(p)) {
        i += 1;
    }
    if parts.get(i).is_some_and(|p| (p.len() == 2 && alpha(p)) || (p.len() == 3 && digits(p))) {
        i += 1;
    }
    let mut variants: Vec<&str> = Vec::new();
    while let Some(p) = parts.get(i) {
        let variant = alnum(p)
            && (len_in(p, 5, 8) || (p.len() == 4 && p.as_bytes()[0].is_ascii_digit()));
        if !variant {
            break;
        }
        if variants.contains(p) {
            return Some("a variant is repeated");
        }
        variants.push(p);
        i += 1;
    }
    let mut singletons: Vec<&str> = Vec::new();
    while let Some(p) = parts.get(i) {
        if p.len() != 1 || !alnum(p) {
            return Some("a part is not in its place");
        }
        if *p == "x" {
            let rest = &parts[i + 1..];
            if rest.is_empty() || !rest.iter().all(|s| len_in(s, 1, 8) && alnum(s)) {
                return Some("a private-use part is malformed");
            }
            return None;
        }
        if singletons.contains(p) {
            return Some("an extension is repeated");
        }
        singletons.push(p);
        i += 1;
        let start = i;
        while parts.get(i).is_some_and(|s| len_in(s, 2, 8) && alnum(s)) {
            i += 1;
        }
        if i == start {
            return Some("an extension has no subtags");
        }
        if *p == "u" && !unicode_extension_ok(&parts[start..i]) {
            return Some("a -u- extension is malformed");
        }
        if *p == "t" && !transform_extension_ok(&parts[start..i]) {
            return Some("a -t- extension is malformed");
        }
    }
    None
}

/// `-u-`: attributes of 3–8, then keys (a letter or digit and a letter) each with types of 3–8.
fn unicode_extension_ok(subtags: &[&str]) -> bool {
    let is_key = |s: &str| s.len() == 2 && s.as_bytes()[1].is_ascii_alphabetic();
    let mut i = 0;
    while i < subtags.len() && !is_key(subtags[i]) {
        if !len_in(subtags[i], 3, 8) {
            return false;
        }
        i += 1;
    }
    while i < subtags.len() {
        // A repeated key is accepted, as browsers accept it (the first one counts).
        if !is_key(subtags[i]) {
            return false;
        }
        i += 1;
        while i < subtags.len() && !is_key(subtags[i]) {
            if !len_in(subtags[i], 3, 8) {
                return false;
            }
            i += 1;
        }
    }
    true
}

/// `-t-`: an optional language id, then fields (a letter and a digit) each with values of 3–8.
fn transform_extension_ok(subtags: &[&str]) -> bool {
    let is_field = |s: &str| s.len() == 2 && s.as_bytes()[0].is_ascii_alphabetic() && s.as_bytes()[1].is_ascii_digit();
    let mut i = 0;
    if subtags.first().is_some_and(|s| alpha(s) && (len_in(s, 2, 3) || len_in(s, 5, 8))) {
        i += 1;
        while i < subtags.len() && !is_field(subtags[i]) {
            i += 1;
        }
    }
    while i < subtags.len() {
        if !is_field(subtags[i]) {
            return false;
        }
        i += 1;
        let start = i;
        while i < subtags.len() && !is_field(subtags[i]) {
            if !len_in(subtags[i], 3, 8) {
                return false;
            }
            i += 1;
        }
        if i == start {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_runs_the_way_the_locale_writes() {
        for tag in ["ar", "ar-EG", "he-IL", "fa", "ur-PK", "az-Arab", "pa-Arab-PK", "ckb"] {
            assert_eq!(text_direction(tag), "rtl", "{tag}");
        }
        for tag in ["en-US", "de-DE", "ja-JP", "az", "az-Latn", "ku", "sr-Cyrl", "uz-Latn", "es-419", "ar-Latn"] {
            assert_eq!(text_direction(tag), "ltr", "{tag}");
        }
    }

    #[test]
    fn tags_the_browser_refuses_are_refused() {
        for bad in ["en-US-US", "abcd", "root", "en-a", "en-12", "zh-min-nan", "", "en-", "-en", "en--US",
            "e", "en-u", "de-DE-1996-1996", "en-x", "qq-QQ", "ä", "en-a-bc-a-de", "i-klingon", "x-private",
            "en-t", "en-t-m0"] {
            assert!(locale_problem(bad).is_some(), "{bad} should be refused, got {:?}", locale_problem(bad));
        }
    }

    #[test]
    fn tags_the_browser_accepts_are_accepted() {
        for good in ["en", "en-US", "de-DE", "de-CH", "en-GB", "es-419", "zh-Hant-TW", "sr-Latn-RS",
            "th-TH-u-nu-thai", "ar-EG", "fa-IR", "de-DE-1996", "sl-rozaj-biske", "en-US-x-private",
            "en-u-ca-gregory-nu-latn", "EN-us", "fil-PH", "yue-Hant-HK", "ja-JP-u-ca-japanese", "en-t-ja",
            "en-u-ca", "en-US-u-nu-thai-nu-latn", "en-t-ja-m0-abc", "en-u-attr-ca-gregory", "en-t-m0-abc"] {
            assert_eq!(locale_problem(good), None, "{good} should be accepted");
        }
    }

    #[test]
    fn currencies_come_from_the_iso_list() {
        assert!(is_currency("USD") && is_currency("EUR") && is_currency("JPY") && is_currency("KWD"));
        assert!(!is_currency("ABC") && !is_currency("usd") && !is_currency("US"));
        let mut sorted = CURRENCIES.to_vec();
        sorted.sort_unstable();
        assert_eq!(sorted, CURRENCIES, "kept in order so that a missing code is easy to spot");
    }
}
