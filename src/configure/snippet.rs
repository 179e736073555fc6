//! The HTML a consultancy pastes into its website, for each way of embedding the widget (README,
//! "Embedding on your website"), with the config inline or by its address and the preload hints
//! that let the browser fetch the widget's code at once.

use crate::model::json::Value;

/// How the widget is embedded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// `<div data-contract-fit>` and the loader script.
    Element,
    /// `<contract-fit>`, the widget as an element of its own.
    CustomElement,
    /// An iframe showing `embed.html`, sized by `contract-fit-frame.js`.
    Iframe,
}

impl Mode {
    /// Every mode, in the README's order.
    pub const ALL: [Mode; 3] = [Mode::Element, Mode::CustomElement, Mode::Iframe];

    /// What the choice says.
    pub fn label(self) -> &'static str {
        match self {
            Mode::Element => "Script and element",
            Mode::CustomElement => "Custom element",
            Mode::Iframe => "iframe",
        }
    }

    /// A stable word for ids and tests.
    pub fn id(self) -> &'static str {
        match self {
            Mode::Element => "element",
            Mode::CustomElement => "custom-element",
            Mode::Iframe => "iframe",
        }
    }

    /// Whether the config can be given inline: the frame loads configs only from its own site.
    pub fn takes_inline(self) -> bool {
        self != Mode::Iframe
    }
}

/// Where the config comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// In the page, in a `<script type="application/json">`.
    Inline,
    /// From a file on the site.
    Url,
}

/// Everything a snippet needs.
#[derive(Debug, Clone, PartialEq)]
pub struct Input<'a> {
    /// How the widget is embedded.
    pub mode: Mode,
    /// Where the config comes from (the iframe always uses the address).
    pub source: Source,
    /// The folder of the widget's files on the site (`/tools/estimate/`).
    pub base: &'a str,
    /// The config file's address, as the page refers to it.
    pub config_url: &'a str,
    /// The config document, for the inline way.
    pub config: &'a Value,
    /// The frame's title for screen readers.
    pub title: &'a str,
}

/// The id of the inline config's `<script>`.
pub const INLINE_ID: &str = "contract-fit-config";

/// Escapes text for an HTML attribute value in double quotes.
fn attr(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

/// Percent-encodes a query value, keeping `/` and `:` readable.
fn query_value(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~/:".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The folder with exactly one `/` at its end (`/tools/estimate/`, `./`, `https://x.example/w/`).
pub fn folder(base: &str) -> String {
    let b = base.trim();
    if b.is_empty() {
        return "./".to_string();
    }
    format!("{}/", b.trim_end_matches('/'))
}

/// The snippet for `input`.
pub fn snippet(input: &Input) -> String {
    let base = attr(&folder(input.base));
    let url = attr(input.config_url.trim());
    let preload = format!(
        "<link rel=\"modulepreload\" href=\"{base}contract-fit-web.js\">\n\
         <link rel=\"preload\" href=\"{base}contract-fit-web_bg.wasm\" as=\"fetch\" type=\"application/wasm\" crossorigin>\n\
         <script type=\"module\" src=\"{base}contract-fit.js\"></script>\n\n"
    );
    // `<`, `>` and `&` are written as \u escapes, so no text of the config can end the script.
    let inline = format!(
        "<script type=\"application/json\" id=\"{INLINE_ID}\">\n{}\n</script>\n",
        input.config.to_pretty_string()
    );
    match (input.mode, input.source) {
        (Mode::Element, Source::Url) => format!("{preload}<div data-contract-fit data-config=\"{url}\"></div>\n"),
        (Mode::Element, Source::Inline) => {
            format!("{preload}{inline}<div data-contract-fit data-config-script=\"{INLINE_ID}\"></div>\n")
        }
        (Mode::CustomElement, Source::Url) => format!("{preload}<contract-fit config=\"{url}\"></contract-fit>\n"),
        (Mode::CustomElement, Source::Inline) => {
            format!("{preload}{inline}<contract-fit data-config-script=\"{INLINE_ID}\"></contract-fit>\n")
        }
        (Mode::Iframe, _) => format!(
            "<script src=\"{base}contract-fit-frame.js\" defer></script>\n\n\
             <iframe data-contract-fit-frame title=\"{}\"\n        data-src=\"{base}embed.html?config={}\"></iframe>\n",
            attr(input.title),
            attr(&query_value(input.config_url.trim()))
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::json::parse;

    fn input(mode: Mode, source: Source, config: &Value) -> Input<'_> {
        Input { mode, source, base: "/tools/estimate", config_url: "/tools/estimate/my-config.json", config, title: "IT \"cost\" calculator" }
    }

    #[test]
    fn each_mode_is_the_readmes_snippet() {
        let config = parse(r#"{"company": {"name": "Acme IT"}}"#).unwrap();
        let element = snippet(&input(Mode::Element, Source::Url, &config));
        assert!(element.starts_with("<link rel=\"modulepreload\" href=\"/tools/estimate/contract-fit-web.js\">\n"));
        assert!(element.contains("<link rel=\"preload\" href=\"/tools/estimate/contract-fit-web_bg.wasm\" as=\"fetch\" type=\"application/wasm\" crossorigin>"));
        assert!(element.contains("<script type=\"module\" src=\"/tools/estimate/contract-fit.js\"></script>"));
        assert!(element.ends_with("<div data-contract-fit data-config=\"/tools/estimate/my-config.json\"></div>\n"));
        let custom = snippet(&input(Mode::CustomElement, Source::Inline, &config));
        assert!(custom.contains("<script type=\"application/json\" id=\"contract-fit-config\">\n{\n  \"company\": {"));
        assert!(custom.ends_with("<contract-fit data-config-script=\"contract-fit-config\"></contract-fit>\n"));
        let frame = snippet(&input(Mode::Iframe, Source::Inline, &config));
        assert_eq!(
            frame,
            "<script src=\"/tools/estimate/contract-fit-frame.js\" defer></script>\n\n<iframe data-contract-fit-frame title=\"IT &quot;cost&quot; calculator\"\n        data-src=\"/tools/estimate/embed.html?config=/tools/estimate/my-config.json\"></iframe>\n"
        );
    }

    #[test]
    fn no_config_text_can_end_the_inline_script_or_an_attribute() {
        let config = parse(r#"{"company": {"name": "</script><script>alert(1)</script>"}}"#).unwrap();
        let s = snippet(&input(Mode::Element, Source::Inline, &config));
        assert_eq!(s.matches("</script>").count(), 2, "only the loader's and the config's own: {s}");
        let odd = Input { config_url: "a\"b&c.json?x=1#y", ..input(Mode::Iframe, Source::Url, &config) };
        let frame = snippet(&odd);
        assert!(frame.contains("config=a%22b%26c.json%3Fx%3D1%23y\""), "{frame}");
        assert_eq!(folder(""), "./");
        assert_eq!(folder("https://x.example/w//"), "https://x.example/w/");
    }
}
