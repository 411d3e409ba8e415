//! A small static file server for `web/` that sends the production headers from
//! `../shared/SECURITY.md`. Bound to 127.0.0.1 only. It serves files and nothing else: there is
//! no endpoint that accepts data.

use crate::root;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::thread::JoinHandle;
use std::time::Duration;

/// The wasm module's path; with [`OFFICE_WASM_PATH`] the only URLs the worker may fetch.
pub const WASM_PATH: &str = "/pkg/spendrein_wasm_bg.wasm";
/// The office module's path (spreadsheets), which the worker fetches only for a workbook.
pub const OFFICE_WASM_PATH: &str = "/pkg/spendrein_wasm_office_bg.wasm";

/// A running server.
pub struct Server {
    port: u16,
    thread: JoinHandle<()>,
}

impl Server {
    /// Binds 127.0.0.1:`port` (0 picks a free port) and serves `web/` on a background thread.
    pub fn start(port: u16) -> Result<Server, String> {
        let listener = TcpListener::bind(("127.0.0.1", port)).map_err(|error| {
            format!("cannot listen on 127.0.0.1:{port}: {error} (try --port N)")
        })?;
        let port = listener.local_addr().map_err(|e| e.to_string())?.port();
        let web = root().join("web");
        let thread = std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let web = web.clone();
                std::thread::spawn(move || {
                    // A broken connection only affects that request.
                    let _ = handle(stream, &web);
                });
            }
        });
        Ok(Server { port, thread })
    }

    /// The base URL, without a trailing slash.
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// Blocks until the server thread ends (it does not, short of an error).
    pub fn wait(self) {
        let _ = self.thread.join();
    }
}

/// The Content-Security-Policy for a response. Documents may connect nowhere; the worker may
/// fetch only the wasm module; the service worker may fetch the page's own files to cache them.
pub fn content_security_policy(path: &str, host: &str) -> String {
    let connect = match path {
        "/worker.js" => format!("http://{host}{WASM_PATH} http://{host}{OFFICE_WASM_PATH}"),
        // The benchmark page loads the wasm itself, on the main thread.
        p if p.starts_with("/bench/") => format!("http://{host}{WASM_PATH}"),
        "/sw.js" => "'self'".to_owned(),
        _ => "'none'".to_owned(),
    };
    let frame_ancestors = if path == "/widget" || path.starts_with("/widget/") {
        widget_ancestors(std::env::var("SPENDREIN_WIDGET_ANCESTORS").ok().as_deref())
    } else {
        "'none'".to_owned()
    };
    format!(
        "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; \
         style-src 'self'; img-src 'self' data:; font-src 'self'; manifest-src 'self'; \
         connect-src {connect}; base-uri 'none'; form-action 'none'; object-src 'none'; \
         frame-ancestors {frame_ancestors}; require-trusted-types-for 'script'; trusted-types spendrein"
    )
}

/// The widget page's `frame-ancestors` sources from `SPENDREIN_WIDGET_ANCESTORS`: origins
/// (`https://example.org`, `https://*.example.org`), `'self'` or `*`, separated by spaces or
/// commas. Unset means `*`, any site may embed the widget. A list with anything that is not
/// such a source (a `;`, a quote, a path) fails closed to `'none'`, so the variable can never
/// add a directive or widen the list by a typo; `cargo xtask serve` warns about it.
pub fn widget_ancestors(configured: Option<&str>) -> String {
    let Some(configured) = configured else {
        return "*".to_owned();
    };
    let valid = |token: &&str| {
        matches!(*token, "*" | "'self'" | "'none'")
            || token.split_once("://").is_some_and(|(scheme, rest)| {
                !scheme.is_empty()
                    && scheme
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b"+.-".contains(&b))
                    && !rest.is_empty()
                    && rest
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b"-.*:[]".contains(&b))
            })
    };
    let tokens: Vec<&str> = configured
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|token| !token.is_empty())
        .collect();
    if tokens.is_empty() || !tokens.iter().all(valid) {
        "'none'".to_owned()
    } else {
        tokens.join(" ")
    }
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "wasm" => "application/wasm",
        "json" => "application/json",
        "webmanifest" => "application/manifest+json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "txt" | "md" => "text/plain; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// Maps a URL path to a file under `web`, refusing anything that leaves it.
fn resolve(web: &Path, url_path: &str) -> Option<PathBuf> {
    let mut path = web.to_path_buf();
    for component in Path::new(url_path.trim_start_matches('/')).components() {
        match component {
            Component::Normal(part) => path.push(part),
            Component::CurDir => {}
            _ => return None,
        }
    }
    if path.is_dir() {
        path.push("index.html");
    }
    path.is_file().then_some(path)
}

fn handle(stream: TcpStream, web: &Path) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.by_ref().take(8192).read_line(&mut request_line)?;
    let mut host = String::from("127.0.0.1");
    loop {
        let mut line = String::new();
        if reader.by_ref().take(8192).read_line(&mut line)? == 0 || line.trim().is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            if name.eq_ignore_ascii_case("host") {
                host = value.trim().to_owned();
            }
        }
    }
    let mut parts = request_line.split_whitespace();
    let method = parts.next().unwrap_or("");
    let target = parts.next().unwrap_or("/");
    let url_path = target.split(['?', '#']).next().unwrap_or("/");
    let mut stream = stream;
    if method != "GET" && method != "HEAD" {
        return respond(
            &mut stream,
            "405 Method Not Allowed",
            "text/plain",
            b"",
            url_path,
            &host,
        );
    }
    match resolve(web, url_path).and_then(|file| Some((std::fs::read(&file).ok()?, file))) {
        Some((body, file)) => {
            let body = if method == "HEAD" { Vec::new() } else { body };
            respond(
                &mut stream,
                "200 OK",
                content_type(&file),
                &body,
                url_path,
                &host,
            )
        }
        None => respond(
            &mut stream,
            "404 Not Found",
            "text/plain; charset=utf-8",
            b"not found\n",
            url_path,
            &host,
        ),
    }
}

fn respond(
    stream: &mut TcpStream,
    status: &str,
    content_type: &str,
    body: &[u8],
    url_path: &str,
    host: &str,
) -> std::io::Result<()> {
    let csp = content_security_policy(url_path, host);
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\
         Content-Security-Policy: {csp}\r\nReferrer-Policy: no-referrer\r\n\
         X-Content-Type-Options: nosniff\r\nCross-Origin-Opener-Policy: same-origin\r\n\
         Cache-Control: no-cache\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes())?;
    stream.write_all(body)?;
    stream.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_cannot_leave_the_web_folder() {
        let web = root().join("web");
        assert!(resolve(&web, "/../Cargo.toml").is_none());
        assert!(resolve(&web, "/pkg/../../Cargo.toml").is_none());
        assert!(resolve(&web, "/index.html").is_some());
        assert!(resolve(&web, "/").is_some());
    }

    #[test]
    fn documents_may_connect_nowhere_and_the_worker_only_to_the_wasm() {
        let page = content_security_policy("/", "127.0.0.1:8080");
        assert!(page.contains("connect-src 'none'"));
        assert!(page.contains("frame-ancestors 'none'"));
        assert!(page.contains("require-trusted-types-for 'script'"));
        let worker = content_security_policy("/worker.js", "127.0.0.1:8080");
        assert!(worker.contains("connect-src http://127.0.0.1:8080/pkg/spendrein_wasm_bg.wasm http://127.0.0.1:8080/pkg/spendrein_wasm_office_bg.wasm;"));
    }

    #[test]
    fn only_the_widget_may_be_framed_and_only_by_the_configured_ancestors() {
        for path in ["/", "/index.html", "/embed.js", "/widgets", "/guides/x"] {
            assert!(content_security_policy(path, "h").contains("frame-ancestors 'none';"));
        }
        assert_eq!(widget_ancestors(None), "*");
        assert_eq!(
            widget_ancestors(Some("https://a.example, https://*.b.example  'self'")),
            "https://a.example https://*.b.example 'self'"
        );
        assert_eq!(
            widget_ancestors(Some("http://localhost:8000")),
            "http://localhost:8000"
        );
        // Nothing in the variable can end the directive or add another one.
        assert_eq!(
            widget_ancestors(Some("https://a.example; script-src *")),
            "'none'"
        );
        assert_eq!(
            widget_ancestors(Some("https://a.example/path \"x\" javascript:")),
            "'none'"
        );
        assert_eq!(widget_ancestors(Some("")), "'none'");
    }
}
