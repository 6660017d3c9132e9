//! Shape statements: simple shapes, enums, aggregates, services, resources, operations.

use super::SyntaxError;
use super::lexer::Kind;
use super::parser::Parser;
use super::syntax::{MemberDef, Node, Ref, ShapeDef, TraitApp};

type Result<T> = std::result::Result<T, SyntaxError>;

const SIMPLE: &[&str] = &[
    "blob",
    "boolean",
    "document",
    "string",
    "byte",
    "short",
    "integer",
    "long",
    "float",
    "double",
    "bigInteger",
    "bigDecimal",
    "timestamp",
];

impl Parser<'_> {
    /// One statement of the shape section: traits, then a shape or an `apply`.
    pub(super) fn shape_or_apply_statement(&mut self) -> Result<()> {
        let traits = self.docs_and_traits()?;
        let keyword = self.expect_named(Kind::Ident, "a shape type or `apply`")?;
        let word = keyword.text;
        let v1 = self.file.is_v1();
        let feature_v2 = |what: &str| {
            SyntaxError::new(
                keyword.pos,
                format!("{what} cannot be used in Smithy version {}", self.file.version),
            )
        };
        let shape = match word {
            "apply" => {
                // Documentation comments before `apply` are plain comments; traits are an error.
                if traits.iter().any(|t| t.id.text != "smithy.api#documentation") {
                    return Err(SyntaxError::new(
                        keyword.pos,
                        "traits cannot be applied to an apply statement",
                    ));
                }
                return self.apply_statement();
            }
            w if SIMPLE.contains(&w) => {
                let mut shape = self.shape_head(w)?;
                self.sp()?;
                self.mixins(&mut shape)?;
                shape
            }
            "enum" | "intEnum" => {
                if v1 {
                    return Err(feature_v2(&format!("{word} shapes")));
                }
                let mut shape = self.shape_head(word)?;
                self.sp()?;
                self.mixins(&mut shape)?;
                self.ws()?;
                self.members(&mut shape, true)?;
                shape
            }
            "list" | "set" | "map" | "structure" | "union" => {
                if word == "set" && !v1 {
                    return Err(feature_v2("set shapes"));
                }
                let mut shape = self.shape_head(word)?;
                self.sp()?;
                self.for_resource(&mut shape)?;
                self.mixins(&mut shape)?;
                self.ws()?;
                self.members(&mut shape, false)?;
                shape
            }
            "service" | "resource" => {
                let mut shape = self.shape_head(word)?;
                self.sp()?;
                self.mixins(&mut shape)?;
                self.ws()?;
                if self.peek_kind()? != Kind::LBrace {
                    return Err(self.unexpected("`{`"));
                }
                if let Node::Object(entries) = self.node()? {
                    shape.properties = entries;
                }
                shape
            }
            "operation" => {
                let mut shape = self.shape_head(word)?;
                self.sp()?;
                self.mixins(&mut shape)?;
                self.ws()?;
                self.operation_body(&mut shape)?;
                shape
            }
            other => {
                return Err(SyntaxError::new(keyword.pos, format!("unknown shape type `{other}`")));
            }
        };
        let mut shape = shape;
        let mut all = traits;
        all.append(&mut shape.traits);
        shape.traits = all;
        self.file.shapes.push(shape);
        Ok(())
    }

    /// `SP name` after the shape type.
    fn shape_head(&mut self, kind: &str) -> Result<ShapeDef> {
        self.require_sp()?;
        let name = self.expect_named(Kind::Ident, "a shape name")?;
        Ok(ShapeDef::new(kind, name.text.to_string(), name.pos))
    }

    /// `for Resource` (same line).
    fn for_resource(&mut self, shape: &mut ShapeDef) -> Result<()> {
        if self.peek_word("for")? {
            let word = self.bump()?;
            if self.file.is_v1() {
                return Err(SyntaxError::new(
                    word.pos,
                    "structures can only be bound to resources (`for`) in Smithy version 2 or later",
                ));
            }
            self.require_sp()?;
            shape.for_resource = Some(self.shape_id()?);
            self.sp()?;
        }
        Ok(())
    }

    /// `with [A, B]` (same line as the shape name).
    fn mixins(&mut self, shape: &mut ShapeDef) -> Result<()> {
        if !self.peek_word("with")? {
            return Ok(());
        }
        let word = self.bump()?;
        if self.file.is_v1() {
            return Err(SyntaxError::new(
                word.pos,
                format!(
                    "mixins can only be used in Smithy version 2 or later (this file is {})",
                    self.file.version
                ),
            ));
        }
        self.ws()?;
        self.expect(Kind::LBracket)?;
        self.ws()?;
        loop {
            shape.mixins.push(self.shape_id()?);
            self.ws()?;
            if self.peek_kind()? == Kind::RBracket {
                self.bump()?;
                return Ok(());
            }
        }
    }

    /// `{ members }` of an aggregate or enum.
    fn members(&mut self, shape: &mut ShapeDef, is_enum: bool) -> Result<()> {
        self.expect(Kind::LBrace)?;
        self.ws()?;
        while self.peek_kind()? != Kind::RBrace {
            let traits = self.docs_and_traits()?;
            let (name, target) = if is_enum {
                let name = self.expect_named(Kind::Ident, "a member name")?;
                let pos = name.pos;
                (
                    name,
                    Some(Ref {
                        text: "smithy.api#Unit".to_string(),
                        pos,
                    }),
                )
            } else if self.peek_kind()? == Kind::Dollar {
                let dollar = self.bump()?;
                if self.file.is_v1() {
                    return Err(SyntaxError::new(
                        dollar.pos,
                        "members can only elide targets (`$name`) in Smithy version 2 or later",
                    ));
                }
                (self.identifier()?, None)
            } else {
                let name = self.expect_named(Kind::Ident, "a member name")?;
                self.sp()?;
                self.expect(Kind::Colon)?;
                self.sp()?;
                (name, Some(self.shape_id()?))
            };
            if shape.members.iter().any(|m| m.name == name.text) {
                return Err(SyntaxError::new(
                    name.pos,
                    format!("member `{}` is defined twice in `{}`", name.text, shape.name),
                ));
            }
            let value = self.value_assignment(is_enum)?;
            shape.members.push(MemberDef {
                name: name.text.to_string(),
                pos: name.pos,
                traits,
                target,
                value,
            });
            self.ws()?;
        }
        self.bump()?;
        Ok(())
    }

    /// `[SP] = [SP] value [SP] [,] BR`, when present.
    fn value_assignment(&mut self, is_enum: bool) -> Result<Option<Node>> {
        self.sp()?;
        if self.peek_kind()? != Kind::Equal {
            return Ok(None);
        }
        let equal = self.bump()?;
        if self.file.is_v1() && !is_enum {
            return Err(SyntaxError::new(
                equal.pos,
                "default values (`= value`) can only be used in Smithy version 2 or later",
            ));
        }
        self.sp()?;
        let value = self.node()?;
        self.sp()?;
        if self.peek_kind()? == Kind::Comma {
            self.bump()?;
        }
        self.br()?;
        Ok(Some(value))
    }

    /// `{ input ..., output ..., errors [...] }`.
    fn operation_body(&mut self, shape: &mut ShapeDef) -> Result<()> {
        self.expect(Kind::LBrace)?;
        self.ws()?;
        while self.peek_kind()? != Kind::RBrace {
            let property = self.expect_named(Kind::Ident, "`input`, `output` or `errors`")?;
            match property.text {
                "input" | "output" => {
                    let is_input = property.text == "input";
                    let slot = if is_input { &shape.input } else { &shape.output };
                    if slot.is_some() {
                        return Err(SyntaxError::new(
                            property.pos,
                            format!("operation `{}` defines its {} twice", shape.name, property.text),
                        ));
                    }
                    self.ws()?;
                    let target = match self.peek_kind()? {
                        Kind::Colon => {
                            self.bump()?;
                            self.ws()?;
                            self.shape_id()?
                        }
                        Kind::Walrus => self.inline_structure(shape, is_input)?,
                        _ => return Err(self.unexpected("`:` or `:=`")),
                    };
                    if is_input {
                        shape.input = Some(target);
                    } else {
                        shape.output = Some(target);
                    }
                }
                "errors" => {
                    self.ws()?;
                    self.expect(Kind::Colon)?;
                    self.ws()?;
                    self.expect(Kind::LBracket)?;
                    self.ws()?;
                    while self.peek_kind()? != Kind::RBracket {
                        shape.errors.push(self.shape_id()?);
                        self.ws()?;
                    }
                    self.bump()?;
                }
                other => {
                    return Err(SyntaxError::new(
                        property.pos,
                        format!("unknown operation property `{other}` in `{}`", shape.name),
                    ));
                }
            }
            if self.peek_kind()? != Kind::RBrace {
                self.require_ws()?;
            }
        }
        self.bump()?;
        Ok(())
    }

    /// `:= [traits] [for R] [with [...]] { members }`: a structure named after the operation.
    fn inline_structure(&mut self, operation: &ShapeDef, is_input: bool) -> Result<Ref> {
        let walrus = self.bump()?;
        if self.file.is_v1() {
            return Err(SyntaxError::new(
                walrus.pos,
                format!(
                    "inline operation input and output (`:=`) can only be used in Smithy version 2 or later (this file is {})",
                    self.file.version
                ),
            ));
        }
        self.ws()?;
        let mut traits = self.docs_and_traits()?;
        let (input_suffix, output_suffix) = self.inline_suffixes();
        let suffix = if is_input { input_suffix } else { output_suffix };
        let name = format!("{}{suffix}", operation.name);
        let mut shape = ShapeDef::new("structure", name.clone(), walrus.pos);
        self.for_resource(&mut shape)?;
        self.mixins(&mut shape)?;
        self.ws()?;
        self.members(&mut shape, false)?;
        let marker = if is_input {
            "smithy.api#input"
        } else {
            "smithy.api#output"
        };
        traits.push(TraitApp {
            id: Ref {
                text: marker.to_string(),
                pos: walrus.pos,
            },
            value: Some(Node::Object(Vec::new())),
        });
        shape.traits = traits;
        self.file.shapes.push(shape);
        Ok(Ref {
            text: name,
            pos: walrus.pos,
        })
    }
}
