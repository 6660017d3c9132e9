//! The generic server (feature `server`).
