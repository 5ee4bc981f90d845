//! Steps that run at once look before they create: none of them sends a create call until every one
//! has looked and found nothing in its way (or has ended). A missing source stream or a bucket name that
//! another account holds then still stops the run before anything exists, as it did when the steps ran
//! one after another.

use std::sync::Mutex;

use tokio::sync::watch;

pub struct Gate<K> {
    state: Mutex<Arrivals<K>>,
    open: watch::Sender<bool>,
}

struct Arrivals<K> {
    /// Every member, in the order of precedence.
    members: Vec<K>,
    /// The members that have not arrived yet.
    waiting: Vec<K>,
    /// The members that ended in failure before they arrived.
    failed: Vec<K>,
}

impl<K: Copy + PartialEq> Gate<K> {
    /// `members` in the order of precedence: when several fail, the first of them is the one named.
    pub fn new(members: &[K]) -> Gate<K> {
        let (open, _) = watch::channel(members.is_empty());
        let arrivals = Arrivals { members: members.to_vec(), waiting: members.to_vec(), failed: Vec::new() };
        Gate { state: Mutex::new(arrivals), open }
    }

    /// `member` is about to create something: waits until every member has arrived or ended. Err names
    /// the member whose failure holds the others back (the first, if several failed).
    pub async fn pass(&self, member: K) -> Result<(), K> {
        self.arrive(member, true);
        let mut open = self.open.subscribe();
        // the sender lives as long as `self`: the wait ends only when the gate opens
        let _ = open.wait_for(|open| *open).await;
        let s = self.lock();
        s.members.iter().find(|m| s.failed.contains(m)).map_or(Ok(()), |m| Err(*m))
    }

    /// `member` has ended; one that fails before it passed holds the others back. A member that
    /// passed already, and anything that is not a member, changes nothing.
    pub fn leave(&self, member: K, ok: bool) {
        self.arrive(member, ok);
    }

    fn arrive(&self, member: K, ok: bool) {
        let mut s = self.lock();
        let Some(i) = s.waiting.iter().position(|m| *m == member) else { return };
        s.waiting.remove(i);
        if !ok {
            s.failed.push(member);
        }
        if s.waiting.is_empty() {
            self.open.send_replace(true);
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Arrivals<K>> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[tokio::test]
    async fn opens_when_every_member_has_arrived_or_ended() {
        let gate = Gate::new(&[1, 2, 3]);
        let passing = async {
            let a = gate.pass(1).await;
            // a member passes a second time without waiting
            (a, gate.pass(1).await)
        };
        let others = async {
            tokio::time::sleep(Duration::from_millis(20)).await;
            gate.leave(2, true);
            tokio::time::sleep(Duration::from_millis(20)).await;
            gate.pass(3).await
        };
        let ((a, again), c) = tokio::join!(passing, others);
        assert_eq!((a, again, c), (Ok(()), Ok(()), Ok(())));
    }

    #[tokio::test]
    async fn a_failure_before_arriving_holds_the_others_back() {
        let gate = Gate::new(&["source", "bucket", "logs", "role"]);
        let role = gate.pass("role");
        let rest = async {
            tokio::time::sleep(Duration::from_millis(20)).await;
            gate.leave("logs", false);
            gate.leave("bucket", false);
            // a non-member changes nothing
            gate.leave("stream", false);
            gate.leave("source", true);
        };
        let (role, ()) = tokio::join!(role, rest);
        assert_eq!(role, Err("bucket"), "the first failure in the members' order is named, not the first in time");
    }

    #[tokio::test]
    async fn a_failure_after_passing_holds_nobody_back() {
        let gate = Gate::new(&[1, 2]);
        assert_eq!(tokio::join!(gate.pass(1), gate.pass(2)), (Ok(()), Ok(())));
        gate.leave(1, false);
        assert_eq!(gate.pass(2).await, Ok(()));
    }

    #[tokio::test]
    async fn a_gate_without_members_is_open() {
        assert_eq!(Gate::new(&[0u8; 0]).pass(7).await, Ok(()));
    }
}
