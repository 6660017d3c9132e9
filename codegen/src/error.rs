//! Errors in a model, each located as precisely as the model allows.

use std::fmt;

/// One problem found in a model: where it is (file, shape, member, trait) and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct ModelError {
    /// The model file the shape was read from, when known.
    pub file: Option<String>,
    /// The absolute shape id (`ns#Name`), when the problem belongs to a shape.
    pub shape: Option<String>,
    /// The member name, when the problem belongs to a member.
    pub member: Option<String>,
    /// The trait id, when the problem belongs to a trait.
    pub trait_id: Option<String>,
    /// What is wrong, and what was expected.
    pub message: String,
}

impl ModelError {
    /// A problem with no location yet; use the `at_*`/`in_file` builders to add one.
    pub fn new(message: impl Into<String>) -> Self {
        ModelError {
            file: None,
            shape: None,
            member: None,
            trait_id: None,
            message: message.into(),
        }
    }

    /// Locates the problem at a shape.
    pub fn at_shape(mut self, shape: &str) -> Self {
        self.shape = Some(shape.to_string());
        self
    }

    /// Locates the problem at a member of the shape.
    pub fn at_member(mut self, member: &str) -> Self {
        self.member = Some(member.to_string());
        self
    }

    /// Names the trait the problem is about.
    pub fn at_trait(mut self, trait_id: &str) -> Self {
        self.trait_id = Some(trait_id.to_string());
        self
    }

    /// Locates the problem at a line and column of its file (call after [`Self::in_file`]).
    /// The position is kept in the file name, `file:line:column`, as compilers print it (and
    /// so errors stay small enough to return by value).
    pub fn at_pos(mut self, line: u32, column: u32) -> Self {
        let file = self.file.take().unwrap_or_default();
        self.file = Some(format!("{file}:{line}:{column}"));
        self
    }

    /// The line and column given by [`Self::at_pos`], if any.
    pub fn pos(&self) -> Option<(u32, u32)> {
        let mut parts = self.file.as_deref()?.rsplitn(3, ':');
        let column = parts.next()?.parse().ok()?;
        let line = parts.next()?.parse().ok()?;
        parts.next()?;
        Some((line, column))
    }

    /// Names the file the problem was found in.
    pub fn in_file(mut self, file: Option<&str>) -> Self {
        self.file = file.map(str::to_string);
        self
    }
}

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(file) = &self.file {
            write!(f, "{file}: ")?;
        }
        if let Some(shape) = &self.shape {
            write!(f, "{shape}")?;
            if let Some(member) = &self.member {
                write!(f, "${member}")?;
            }
            write!(f, ": ")?;
        }
        if let Some(trait_id) = &self.trait_id {
            write!(f, "@{trait_id}: ")?;
        }
        f.write_str(&self.message)
    }
}

/// Every problem found in a model, reported together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelErrors(pub Vec<ModelError>);

impl fmt::Display for ModelErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let count = self.0.len();
        writeln!(f, "{count} model error{}:", if count == 1 { "" } else { "s" })?;
        for error in &self.0 {
            writeln!(f, "  {error}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ModelErrors {}
