//! [`Param`]: how a scalar travels as text in a label, query parameter or header.

/// A scalar that travels as text in a label, query parameter or header.
pub trait Param: Sized {
    /// The text form.
    fn to_param(&self) -> String;
    /// Parses the text form; the error says what was expected.
    fn from_param(text: &str) -> Result<Self, String>;
}

impl Param for String {
    fn to_param(&self) -> String {
        self.clone()
    }
    fn from_param(text: &str) -> Result<Self, String> {
        Ok(text.to_owned())
    }
}

impl Param for bool {
    fn to_param(&self) -> String {
        self.to_string()
    }
    fn from_param(text: &str) -> Result<Self, String> {
        match text {
            "true" => Ok(true),
            "false" => Ok(false),
            _ => Err("expected true or false".to_owned()),
        }
    }
}

macro_rules! int_param {
    ($($t:ty),*) => {$(
        impl Param for $t {
            fn to_param(&self) -> String {
                self.to_string()
            }
            fn from_param(text: &str) -> Result<Self, String> {
                text.parse().map_err(|_| format!("expected an integer between {} and {}", <$t>::MIN, <$t>::MAX))
            }
        }
    )*};
}
int_param!(i8, i16, i32, i64);

macro_rules! float_param {
    ($($t:ty),*) => {$(
        impl Param for $t {
            fn to_param(&self) -> String {
                if self.is_nan() {
                    "NaN".to_owned()
                } else if self.is_infinite() {
                    if *self > 0.0 { "Infinity" } else { "-Infinity" }.to_owned()
                } else {
                    self.to_string()
                }
            }
            fn from_param(text: &str) -> Result<Self, String> {
                match text {
                    "NaN" => Ok(<$t>::NAN),
                    "Infinity" => Ok(<$t>::INFINITY),
                    "-Infinity" => Ok(<$t>::NEG_INFINITY),
                    _ if text.bytes().all(|b| b.is_ascii_digit() || b"+-.eE".contains(&b)) => {
                        text.parse().map_err(|_| "expected a number".to_owned())
                    }
                    _ => Err("expected a number".to_owned()),
                }
            }
        }
    )*};
}
float_param!(f32, f64);

impl Param for crate::Blob {
    fn to_param(&self) -> String {
        self.to_base64()
    }
    fn from_param(text: &str) -> Result<Self, String> {
        crate::Blob::from_base64(text).map_err(|e| e.to_string())
    }
}
