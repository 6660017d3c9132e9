//! Paginated operations as streams of pages ([`Paginator`]) or of items ([`Items`]).

use std::collections::hash_map::RandomState;
use std::collections::{HashSet, VecDeque};
use std::fmt;
use std::future::Future;
use std::hash::BuildHasher;
use std::marker::PhantomData;
use std::pin::Pin;
use std::task::{Context, Poll, ready};

use futures_core::Stream;

use super::error::{Error, ResponseError};
use super::handle::Handle;
use crate::protocol::Operation;

/// How many pages' tokens a paginator remembers to detect a cycle (8 bytes each); past that,
/// only a token repeated back to back is caught.
pub const MAX_REMEMBERED_TOKENS: usize = 1_000_000;

/// One page's call, in flight.
type PageFuture<Op> =
    Pin<Box<dyn Future<Output = Result<<Op as Operation>::Output, Error<<Op as Operation>::Error>>> + Send + 'static>>;

type SetToken<Op> = Box<dyn Fn(&mut <Op as Operation>::Input, Option<String>) + Send + Sync>;
type NextToken<Op> = Box<dyn Fn(&<Op as Operation>::Output) -> Option<String> + Send + Sync>;

/// Calls a paginated operation page after page: `set_token` puts a token into the input,
/// `next_token` reads the next one from an output (generated code passes closures over the
/// `nextToken` members).
///
/// The pages end when a response has no next token, an empty one, or the same token that
/// was sent (a service that repeats the token would otherwise loop forever), and after the
/// first error, which is the last item. A token that comes back after other pages (A, B,
/// A: a cycle, which would also loop forever) ends them with an error
/// ([`Error::Response`]) after the page that carried it: every token sent is remembered
/// (as a 64-bit keyed hash, for the first [`MAX_REMEMBERED_TOKENS`] pages).
pub fn paginate<Op, F, G>(handle: Handle, input: Op::Input, set_token: F, next_token: G) -> Paginator<Op>
where
    Op: Operation + 'static,
    Op::Input: Clone,
    F: Fn(&mut Op::Input, Option<String>) + Send + Sync + 'static,
    G: Fn(&Op::Output) -> Option<String> + Send + Sync + 'static,
{
    Paginator {
        handle,
        input,
        set_token: Box::new(set_token),
        next_token: Box::new(next_token),
        sent_token: None,
        seen: SeenTokens::default(),
        cycle: None,
        in_flight: None,
        done: false,
        _op: PhantomData,
    }
}

/// The pages of a paginated operation: a [`Stream`] of outputs, or [`Paginator::next_page`].
pub struct Paginator<Op: Operation> {
    handle: Handle,
    /// The input of the next page's call.
    input: Op::Input,
    set_token: SetToken<Op>,
    next_token: NextToken<Op>,
    /// The token the call in flight sent (`None` for the first page).
    sent_token: Option<String>,
    /// Every token sent so far.
    seen: SeenTokens,
    /// A token seen before, that came back after other pages: reported after its page.
    cycle: Option<String>,
    in_flight: Option<PageFuture<Op>>,
    done: bool,
    /// `fn() -> Op`: the marker type is neither stored nor sent anywhere.
    _op: PhantomData<fn() -> Op>,
}

// Nothing in a paginator is pinned in place (the call in flight is boxed), so it can move
// between polls whatever the input type is.
impl<Op: Operation> Unpin for Paginator<Op> {}

impl<Op> Paginator<Op>
where
    Op: Operation + 'static,
    Op::Input: Clone,
{
    /// The next page; `None` once the pages have ended.
    pub async fn next_page(&mut self) -> Option<Result<Op::Output, Error<Op::Error>>> {
        std::future::poll_fn(|cx| Pin::new(&mut *self).poll_next(cx)).await
    }

    /// The items of the pages, one at a time: `extract` takes them out of each output.
    pub fn items<T>(self, extract: fn(Op::Output) -> Vec<T>) -> Items<Op, T> {
        Items {
            pages: self,
            extract,
            buffered: VecDeque::new(),
        }
    }
}

impl<Op> Stream for Paginator<Op>
where
    Op: Operation + 'static,
    Op::Input: Clone,
{
    type Item = Result<Op::Output, Error<Op::Error>>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = &mut *self;
        if let Some(token) = this.cycle.take() {
            this.done = true;
            let message = format!(
                "the service sent back the pagination token {:?} of an earlier page: the pages would never end",
                super::untrusted::message(&token)
            );
            return Poll::Ready(Some(Err(Error::Response(ResponseError::new(200, message, None, 1)))));
        }
        if this.done {
            return Poll::Ready(None);
        }
        let in_flight = this.in_flight.get_or_insert_with(|| {
            let handle = this.handle.clone();
            let input = this.input.clone();
            Box::pin(async move { handle.call::<Op>(&input).await })
        });
        let result = ready!(in_flight.as_mut().poll(cx));
        this.in_flight = None;
        match &result {
            Ok(output) => match (this.next_token)(output) {
                Some(token) if !token.is_empty() && this.sent_token.as_deref() != Some(token.as_str()) => {
                    if this.seen.insert(&token) {
                        (this.set_token)(&mut this.input, Some(token.clone()));
                        this.sent_token = Some(token);
                    } else {
                        this.cycle = Some(token);
                    }
                }
                _ => this.done = true,
            },
            Err(_) => this.done = true,
        }
        Poll::Ready(Some(result))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        if self.done { (0, Some(0)) } else { (0, None) }
    }
}

/// The tokens a paginator sent, as keyed hashes: 8 bytes each whatever a token's size, and
/// a service cannot aim for collisions without the per-process key.
#[derive(Default)]
struct SeenTokens {
    hashes: HashSet<u64>,
    key: RandomState,
}

impl SeenTokens {
    /// Remembers `token`; false when it was seen before. Past [`MAX_REMEMBERED_TOKENS`] new
    /// tokens are not remembered (and count as new).
    fn insert(&mut self, token: &str) -> bool {
        let hash = self.key.hash_one(token);
        if self.hashes.contains(&hash) {
            return false;
        }
        if self.hashes.len() < MAX_REMEMBERED_TOKENS {
            self.hashes.insert(hash);
        }
        true
    }
}

impl<Op: Operation> fmt::Debug for Paginator<Op> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Paginator")
            .field("operation", &Op::INFO.name)
            .field("input", &self.input)
            .field("in_flight", &self.in_flight.is_some())
            .field("done", &self.done)
            .finish_non_exhaustive()
    }
}

/// The items of a paginated operation's pages: a [`Stream`], or [`Items::next_item`]. An
/// error ends it, after being yielded.
pub struct Items<Op: Operation, T> {
    pages: Paginator<Op>,
    extract: fn(Op::Output) -> Vec<T>,
    buffered: VecDeque<T>,
}

// As for `Paginator`: nothing is pinned in place.
impl<Op: Operation, T> Unpin for Items<Op, T> {}

impl<Op, T> Items<Op, T>
where
    Op: Operation + 'static,
    Op::Input: Clone,
{
    /// The next item; `None` once the pages have ended.
    pub async fn next_item(&mut self) -> Option<Result<T, Error<Op::Error>>> {
        std::future::poll_fn(|cx| Pin::new(&mut *self).poll_next(cx)).await
    }
}

impl<Op, T> Stream for Items<Op, T>
where
    Op: Operation + 'static,
    Op::Input: Clone,
{
    type Item = Result<T, Error<Op::Error>>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = &mut *self;
        loop {
            if let Some(item) = this.buffered.pop_front() {
                return Poll::Ready(Some(Ok(item)));
            }
            match ready!(Pin::new(&mut this.pages).poll_next(cx)) {
                Some(Ok(page)) => this.buffered.extend((this.extract)(page)),
                Some(Err(error)) => return Poll::Ready(Some(Err(error))),
                None => return Poll::Ready(None),
            }
        }
    }
}

impl<Op: Operation, T> fmt::Debug for Items<Op, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Items")
            .field("pages", &self.pages)
            .field("buffered", &self.buffered.len())
            .finish()
    }
}
