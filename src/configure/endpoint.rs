//! What a test lead to the consultancy's endpoint found, in plain words: whether it arrived, and
//! if not, whether the address, the server's answer, CORS or a Content-Security-Policy is why.
//! Sending it is the browser's (`lead_test.rs`); the words are decided here.

/// How a test lead went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The endpoint answered with a 2xx status.
    Received {
        /// The HTTP status.
        status: u16,
    },
    /// The endpoint answered with another status.
    Refused {
        /// The HTTP status.
        status: u16,
        /// Its reason phrase, when the server sent one.
        text: String,
    },
    /// The server can be reached but does not allow this page's origin to read its answer.
    Cors,
    /// The request never reached a server: a wrong address, or the server is down.
    Unreachable,
    /// This page's Content-Security-Policy does not allow connecting to the endpoint.
    Csp,
    /// No answer within the time limit.
    Timeout {
        /// The time limit, in seconds.
        seconds: u32,
    },
    /// The browser is offline.
    Offline,
}

/// The origin (`https://forms.example.net`) of an address, for CORS and CSP advice.
pub fn origin(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else { return url.to_string() };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    format!("{}://{}", scheme.to_ascii_lowercase(), host.to_ascii_lowercase())
}

impl Outcome {
    /// Whether the lead arrived.
    pub fn is_success(&self) -> bool {
        matches!(self, Outcome::Received { .. })
    }

    /// A headline and the sentences that explain it and say what to do. `page` is the origin
    /// of the page that sent the test.
    pub fn words(&self, endpoint: &str, page: &str) -> (String, Vec<String>) {
        let site = origin(endpoint);
        let csp = format!("On a site with a Content-Security-Policy, add {site} to connect-src: connect-src 'self' {site}");
        match self {
            Outcome::Received { status } => (
                format!("Received: your endpoint answered {status}."),
                vec![
                    "A prospect's lead reaches you the same way. Check that the test lead arrived where you read your leads.".into(),
                    format!("It allowed this page ({page}) to send it. Make sure it allows your website's own address too (CORS: Access-Control-Allow-Origin)."),
                    csp,
                ],
            ),
            Outcome::Refused { status, text } => (
                format!("Not received: your endpoint answered {status}{}{}.", if text.is_empty() { "" } else { " " }, text),
                vec![
                    "Only an answer in the 2xx range counts as received, so a prospect would be told their lead was not sent.".into(),
                    match status {
                        404 | 410 => "Check the address: the server has nothing there.".to_string(),
                        405 => "The address does not take POST requests: check that it is the form's endpoint, not its page.".to_string(),
                        401 | 403 => "The server refused it: check that the endpoint takes submissions without a login.".to_string(),
                        400 | 415 | 422 => "The server did not accept the format: try the other lead format (json or form).".to_string(),
                        _ => "The server had a problem: check its logs, or try again later.".to_string(),
                    },
                ],
            ),
            Outcome::Cors => (
                "Not received: your endpoint does not allow this page to send leads (CORS).".into(),
                vec![
                    format!("The server can be reached, but its answer does not allow {page}. Answer with Access-Control-Allow-Origin: <your website's origin> (or *)."),
                    "The json format also sends an OPTIONS request first: answer it with the same header plus Access-Control-Allow-Methods: POST and Access-Control-Allow-Headers: Content-Type. The form format needs no OPTIONS.".into(),
                ],
            ),
            Outcome::Unreachable => (
                "Not received: no server answered at this address.".into(),
                vec![
                    format!("Check the address ({endpoint}) and that the server is running. If it is, it may refuse this page's origin without any answer (CORS)."),
                ],
            ),
            Outcome::Csp => (
                "Not sent: this page's Content-Security-Policy does not allow connecting to your endpoint.".into(),
                vec![format!("Open the configurator from a page without that policy to test the endpoint itself. {csp}")],
            ),
            Outcome::Timeout { seconds } => (
                format!("Not confirmed: no answer within {seconds} seconds. The lead may still have arrived: look for it."),
                vec!["A prospect would be told their estimate may not have reached you, and that trying again may send it twice. Check that the server answers within a few seconds.".into()],
            ),
            Outcome::Offline => (
                "Not sent: this browser is offline.".into(),
                vec!["Connect to the internet and try again.".into()],
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_outcome_says_what_happened_and_what_to_do() {
        let page = "http://127.0.0.1:8080";
        let endpoint = "https://Forms.Example.net/f/abc?x=1";
        assert_eq!(origin(endpoint), "https://forms.example.net");
        let (head, more) = Outcome::Received { status: 200 }.words(endpoint, page);
        assert_eq!(head, "Received: your endpoint answered 200.");
        assert!(more.iter().any(|s| s.contains("connect-src 'self' https://forms.example.net")));
        let (head, more) = Outcome::Refused { status: 404, text: "Not Found".into() }.words(endpoint, page);
        assert_eq!(head, "Not received: your endpoint answered 404 Not Found.");
        assert!(more[1].contains("Check the address"));
        let (head, more) = Outcome::Cors.words(endpoint, page);
        assert!(head.contains("(CORS)") && more[0].contains(page));
        assert!(Outcome::Csp.words(endpoint, page).0.contains("Content-Security-Policy"));
        assert!(Outcome::Timeout { seconds: 15 }.words(endpoint, page).0.contains("15 seconds"));
        assert!(!Outcome::Offline.is_success() && Outcome::Received { status: 204 }.is_success());
    }
}
