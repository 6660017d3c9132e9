//! Pagination: pages follow the token and stop on a missing, empty or repeated one, or an
//! error.

use std::pin::Pin;

use futures_core::Stream;

use super::fake::{GetThing, ThingInput, ThingOutput};
use super::server::{Action, Server};
use super::{config, handle};
use crate::client::{Paginator, paginate};

fn pages(server: &Server) -> Paginator<GetThing> {
    let handle = handle(config(&server.url));
    paginate::<GetThing, _, _>(
        handle,
        ThingInput::named("x"),
        |input, token| input.token = token,
        |output| output.next.clone(),
    )
}

fn tokens_sent(server: &Server) -> Vec<String> {
    server.requests().iter().map(|r| r.target.clone()).collect()
}

#[tokio::test]
async fn three_pages_then_the_end() {
    let script = vec![
        Action::page(&["a", "b"], Some("t1")),
        Action::page(&["c"], Some("t2")),
        Action::page(&["d"], None),
    ];
    let server = Server::start(script, Action::json(500, "")).await;
    let mut pages = pages(&server);
    let mut items = Vec::new();
    while let Some(page) = pages.next_page().await {
        items.extend(page.unwrap().items);
    }
    assert_eq!(items, ["a", "b", "c", "d"]);
    assert!(pages.next_page().await.is_none());
    assert_eq!(
        tokens_sent(&server),
        ["/things/x", "/things/x?token=t1", "/things/x?token=t2"]
    );
}

#[tokio::test]
async fn a_repeated_token_ends_the_pages() {
    let script = vec![Action::page(&["a"], Some("same")), Action::page(&["b"], Some("same"))];
    let server = Server::start(script, Action::page(&["never"], Some("other"))).await;
    let mut pages = pages(&server);
    assert_eq!(pages.next_page().await.unwrap().unwrap().items, ["a"]);
    assert_eq!(pages.next_page().await.unwrap().unwrap().items, ["b"]);
    assert!(pages.next_page().await.is_none());
    assert_eq!(server.requests().len(), 2);
}

#[tokio::test]
async fn a_token_cycle_ends_the_pages_with_an_error() {
    let script = vec![
        Action::page(&["a"], Some("A")),
        Action::page(&["b"], Some("B")),
        Action::page(&["c"], Some("A")),
    ];
    // Before, the pages went on for as long as the server answered.
    let server = Server::start(script, Action::page(&["again"], Some("B"))).await;
    let mut items = pages(&server).items(|output: ThingOutput| output.items);
    for expected in ["a", "b", "c"] {
        assert_eq!(items.next_item().await.unwrap().unwrap(), expected);
    }
    let error = items.next_item().await.unwrap().unwrap_err();
    assert!(
        error.to_string().contains("pagination token \"A\" of an earlier page"),
        "{error}"
    );
    assert!(items.next_item().await.is_none());
    assert_eq!(
        tokens_sent(&server),
        ["/things/x", "/things/x?token=A", "/things/x?token=B"]
    );
}

#[tokio::test]
async fn an_empty_token_ends_the_pages() {
    let server = Server::start(vec![Action::page(&["a"], Some(""))], Action::page(&["never"], None)).await;
    let mut pages = pages(&server);
    assert!(pages.next_page().await.unwrap().is_ok());
    assert!(pages.next_page().await.is_none());
    assert_eq!(server.requests().len(), 1);
}

#[tokio::test]
async fn an_error_is_the_last_page() {
    let script = vec![
        Action::page(&["a"], Some("t1")),
        Action::error(400, "ValidationException", "bad token"),
    ];
    let server = Server::start(script, Action::page(&["never"], None)).await;
    let mut items = pages(&server).items(|output: ThingOutput| output.items);
    assert_eq!(items.next_item().await.unwrap().unwrap(), "a");
    let error = items.next_item().await.unwrap().unwrap_err();
    assert_eq!(error.code(), Some("ValidationException"));
    assert!(items.next_item().await.is_none());
    assert_eq!(server.requests().len(), 2);
}

#[tokio::test]
async fn items_stream_across_pages() {
    let script = vec![
        Action::page(&["a", "b"], Some("t1")),
        Action::page(&[], Some("t2")),
        Action::page(&["c"], None),
    ];
    let server = Server::start(script, Action::json(500, "")).await;
    let mut items = pages(&server).items(|output| output.items);
    let mut seen = Vec::new();
    // Through the `Stream` implementation, as `StreamExt::next` would poll it.
    while let Some(item) = std::future::poll_fn(|cx| Pin::new(&mut items).poll_next(cx)).await {
        seen.push(item.unwrap());
    }
    assert_eq!(seen, ["a", "b", "c"]);
    assert_eq!(server.requests().len(), 3);
}

#[test]
fn pages_and_items_can_be_sent_between_threads() {
    fn assert_send<T: Send>(_: &T) {}
    let handle = handle(config("http://127.0.0.1:9"));
    let pages = paginate::<GetThing, _, _>(handle, ThingInput::named("x"), |i, t| i.token = t, |o| o.next.clone());
    assert_send(&pages);
    let items = pages.items(|output| output.items);
    assert_send(&items);
}
