//! Which of the service's operations are generated: all of them, minus those the user
//! excludes (`cargo xtask codegen --exclude-operation NAME`), and never one the generator
//! cannot generate. An operation that uses an event stream (a `@streaming` union in its
//! input or output) is refused by name, so that no crate is ever emitted that does not
//! compile; the message says how to generate the rest of the service without it.

use super::Lowering;
use super::traits::{self, id};

impl Lowering<'_> {
    /// Drops the excluded operations; an exclusion that names no operation is an error.
    pub(super) fn exclude_operations(&mut self, excluded: &[String]) {
        for name in excluded {
            let before = self.operations.len();
            let matches = |cx: &Self, op: &String| op == name || cx.local_name(op) == *name;
            let kept: Vec<String> = self
                .operations
                .iter()
                .filter(|op| !matches(self, op))
                .cloned()
                .collect();
            if kept.len() == before {
                let service = self.service_id.clone();
                let message = format!("--exclude-operation `{name}`: the service has no operation of that name");
                self.error(&service, None, None, message);
            }
            self.operations = kept;
        }
    }

    /// Refuses every operation whose input or output has an event stream.
    pub(super) fn refuse_event_streams(&mut self) {
        let model = self.model;
        for op in self.operations.clone() {
            let Some(shape) = model.shapes.get(&op) else { continue };
            for io in shape.input.iter().chain(&shape.output) {
                let Some(io_shape) = model.shapes.get(&io.target) else {
                    continue;
                };
                for (member, m) in &io_shape.members {
                    let stream = model
                        .shapes
                        .get(&m.target)
                        .is_some_and(|t| t.kind == "union" && traits::has(&t.traits, id::STREAMING));
                    if stream {
                        let name = self.local_name(&op);
                        let message = format!(
                            "operation `{name}` uses an event stream (member `{member}` of `{}` targets the \
                             @streaming union `{}`), which this generator does not implement yet; generate \
                             the rest of the service with `--exclude-operation {name}`",
                            io.target, m.target
                        );
                        self.error(&op, None, Some(id::STREAMING), message);
                    }
                }
            }
        }
    }
}
