//! The operations measured and the clients compared.

/// One measured operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Operation {
    /// CreateChannel with a name, latency mode, type and tags.
    Create,
    /// GetChannel of one ARN.
    Get,
    /// One ListChannels page of 100 summaries.
    List,
}

impl Operation {
    /// Every operation, in the order of the table.
    pub const ALL: [Operation; 3] = [Operation::Create, Operation::Get, Operation::List];

    /// The API name, which is also the request path and boto3_calls.py's `operation`.
    pub fn name(self) -> &'static str {
        match self {
            Operation::Create => "CreateChannel",
            Operation::Get => "GetChannel",
            Operation::List => "ListChannels",
        }
    }
}

/// One of the compared clients.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Peer {
    /// Our generated `ivs_client`.
    Ours,
    /// The official `aws-sdk-ivs`.
    Sdk,
    /// Python's boto3.
    Boto3,
}
