//! The generic client (feature `client`).
