//! Removing what firehose-wizard created, and only that: the journal's entries, newest first, each
//! looked up, deleted, waited for until it is gone, then forgotten. Whatever the journal does not list
//! (the user's own bucket, role or source stream) is never touched.

use std::time::Duration;

use aws_sdk_s3::types::{Delete, ObjectIdentifier};
use tokio::time::Instant;

use super::journal::{Entry, Journal, Status};
use super::ownership::{self, Verdict};
use super::provision::{Kind, Resource, Timing};
use super::{Cloud, CloudError};
use crate::plan::msg::Msg;
use crate::plan::names::role_name_of;
use crate::plan::request::Target;

/// How `destroy` treats a bucket that holds objects.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// List, change nothing.
    pub dry_run: bool,
    /// Delete a non-empty bucket's objects (every version), then the bucket.
    pub with_objects: bool,
}

/// What happened to one journal entry.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Deleted,
    /// `--dry-run`: would be deleted; `objects` is what a bucket holds.
    WouldDelete {
        objects: Option<u64>,
    },
    /// Already gone (deleted by hand, or its create call never took effect): forgotten.
    Gone,
    /// Left in place on purpose, with the reason (a bucket with objects, something still using it, no
    /// proof that it is firehose-wizard's); the journal still lists it.
    Kept(Msg),
    /// Left in place: another resource of the same name, not the one firehose-wizard created (which is
    /// gone); the journal forgets it.
    NotOurs(Msg),
    /// Not an end: a bucket's objects are about to be deleted (`--with-objects`), this many.
    Emptying {
        objects: u64,
    },
    Failed(CloudError),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Removal {
    pub resource: Resource,
    pub outcome: Outcome,
    pub elapsed: Duration,
}

impl Removal {
    pub fn ok(&self) -> bool {
        matches!(self.outcome, Outcome::Deleted | Outcome::Gone | Outcome::WouldDelete { .. } | Outcome::NotOurs(_))
    }
}

/// Whether a resource exists now (the lookup of [`ownership::look`], without the tag).
pub async fn exists(cloud: &Cloud, kind: Kind, id: &str) -> Result<bool, CloudError> {
    Ok(ownership::look(cloud, kind, id, false).await?.is_some())
}

/// How long after an unanswered create call a lookup that does not find the resource is believed: S3's
/// bucket list and IAM may not show a new resource at once, and the call may still be in flight.
pub const SETTLE_AFTER: Duration = Duration::from_secs(120);

/// Resolves the entries whose create call never answered: a lookup that finds the resource makes it
/// this tool's when it carries this journal's tag, or no tag and a creation time after the call was
/// sent (see [`ownership::claims`]); its identity is recorded, and the tag put on it if the create call
/// could not carry it. One that is someone else's is forgotten. One that is not found is forgotten only
/// once the call is older than `forget_after` (never when `None`, e.g. right after an interruption, when
/// the abandoned call may still land); until then the entry stays `creating`.
pub async fn settle(cloud: &Cloud, journal: &mut Journal, forget_after: Option<Duration>) -> Result<(), CloudError> {
    let pending: Vec<Entry> = journal.entries.iter().filter(|e| e.status == Status::Creating).cloned().collect();
    for e in pending {
        match ownership::look(cloud, e.kind, &e.id, true).await? {
            Some(seen) if ownership::claims(&e, &seen, journal) => {
                if ownership::taggable(e.kind) && seen.tag.is_none() {
                    // not proven firehose-wizard's until it carries the tag: it stays `creating`
                    if let Err(err) = ownership::put_tag(cloud, e.kind, &e.id, &seen, &journal.tag_value(), false).await
                    {
                        tracing::warn!(kind = ?e.kind, error = %crate::i18n::in_english(&err.summary()), "tag not put");
                        continue;
                    }
                }
                journal.created(e.kind, &e.id, seen.identity).map_err(journal_error)?;
            }
            Some(_) => journal.forget(e.kind, &e.id).map_err(journal_error)?,
            None if forget_after.is_some_and(|limit| older_than(&e.at, limit)) => {
                journal.forget(e.kind, &e.id).map_err(journal_error)?
            }
            None => {}
        }
    }
    Ok(())
}

/// Whether an RFC 3339 time is more than `limit` ago (an unreadable one counts as old).
fn older_than(at: &str, limit: Duration) -> bool {
    chrono::DateTime::parse_from_rfc3339(at)
        .map(|t| chrono::Utc::now().signed_duration_since(t).to_std().is_ok_and(|age| age > limit))
        .unwrap_or(true)
}

pub fn journal_error(e: super::journal::JournalError) -> CloudError {
    CloudError::local(e.msg(), e.hint(msg!("journal-unwritable-hint")))
}

/// The order of removal: what uses a resource goes before it.
fn removal_order(kind: Kind) -> u8 {
    match kind {
        Kind::DeliveryStream => 0,
        Kind::RolePolicy => 1,
        Kind::Role => 2,
        Kind::LogStream => 3,
        Kind::LogGroup => 4,
        Kind::Bucket => 5,
        Kind::KinesisStream => 6,
    }
}

/// Deletes (or with `dry_run` lists) what the journal says firehose-wizard created, newest first,
/// waiting for each deletion to finish. `on_removal` hears of each one as it happens.
///
/// Each resource is looked up and compared with what the journal recorded when it was made
/// ([`ownership::verdict`]): another resource of the same name is kept and named, and its entry
/// forgotten (what firehose-wizard made is gone); one that cannot be proven firehose-wizard's is kept
/// and stays in the journal. A role, bucket or Kinesis stream that another delivery stream uses is kept
/// (the role's policy for this stream is removed all the same), naming the streams.
pub async fn destroy(
    cloud: &Cloud,
    journal: &mut Journal,
    opts: Options,
    timing: &Timing,
    mut on_removal: impl FnMut(&Removal) + Send,
) -> Vec<Removal> {
    // newest first, and by dependency, whatever order reruns added things in (a rerun may recreate a
    // role under a stream it reused)
    let mut entries: Vec<Entry> = journal.entries.iter().rev().cloned().collect();
    entries.sort_by_key(|e| removal_order(e.kind));
    let mut out = Vec::new();
    let mut stream_stays = false;
    // in a dry run this stream is still there: it does not count as another user of what it uses
    let mut own_stream_would_go = false;
    let mut users = Users::default();
    for entry in entries {
        let (kind, id) = (entry.kind, entry.id.clone());
        let start = Instant::now();
        let resource = Resource { kind, id: id.clone(), created: true };
        let outcome = match ownership::look(cloud, kind, &id, true).await {
            Err(e) => Outcome::Failed(e),
            Ok(None) if opts.dry_run => Outcome::Gone,
            // a create call that never answered, too recently for AWS's lists to be believed
            Ok(None) if entry.status == Status::Creating => {
                Outcome::Kept(msg!("destroy-kept-unanswered", minutes = SETTLE_AFTER.as_secs() / 60))
            }
            Ok(None) => match journal.forget(kind, &id) {
                Ok(()) => Outcome::Gone,
                Err(e) => Outcome::Failed(journal_error(e)),
            },
            Ok(Some(seen)) => {
                let verdict = if entry.status == Status::Creating {
                    // a dry run, which does not settle: what settling would decide
                    match ownership::claims(&entry, &seen, journal) {
                        true => Verdict::Proven,
                        false => Verdict::Other(msg!("own-unanswered-other")),
                    }
                } else {
                    ownership::verdict(&entry, &seen, journal)
                };
                match verdict {
                    Verdict::Other(why) if opts.dry_run => Outcome::NotOurs(why),
                    Verdict::Other(why) => match journal.forget(kind, &id) {
                        Ok(()) => Outcome::NotOurs(why),
                        Err(e) => Outcome::Failed(journal_error(e)),
                    },
                    Verdict::Unproven(why) => Outcome::Kept(why),
                    Verdict::Proven if stream_stays && kind != Kind::DeliveryStream => {
                        Outcome::Kept(msg!("destroy-kept-in-use"))
                    }
                    Verdict::Proven => {
                        let except = (opts.dry_run && own_stream_would_go).then_some(journal.stream.as_str());
                        match users.of(cloud, kind, &id, &seen, except).await {
                            Err(e) => Outcome::Failed(e),
                            Ok(using) if !using.is_empty() => Outcome::Kept(msg!(
                                "destroy-kept-used-by",
                                kind = kind.msg(),
                                count = using.len(),
                                streams = using.join(", ")
                            )),
                            Ok(_) if opts.dry_run => {
                                own_stream_would_go |= kind == Kind::DeliveryStream;
                                Outcome::WouldDelete {
                                    objects: match kind {
                                        Kind::Bucket => count_objects(cloud, &id).await.ok(),
                                        _ => None,
                                    },
                                }
                            }
                            Ok(_) => match remove(cloud, kind, &id, opts, timing, &mut |objects| {
                                on_removal(&Removal {
                                    resource: resource.clone(),
                                    outcome: Outcome::Emptying { objects },
                                    elapsed: start.elapsed(),
                                })
                            })
                            .await
                            {
                                Ok(None) => match journal.forget(kind, &id) {
                                    Ok(()) => Outcome::Deleted,
                                    Err(e) => Outcome::Failed(journal_error(e)),
                                },
                                Ok(Some(reason)) => Outcome::Kept(reason),
                                Err(e) => Outcome::Failed(e),
                            },
                        }
                    }
                }
            }
        };
        if kind == Kind::DeliveryStream
            && !matches!(outcome, Outcome::Deleted | Outcome::Gone | Outcome::NotOurs(_))
            && !opts.dry_run
        {
            // the stream still uses the role, the bucket and the source: keep them
            stream_stays = true;
        }
        let removal = Removal { resource, outcome, elapsed: start.elapsed() };
        on_removal(&removal);
        out.push(removal);
    }
    out
}

/// The other delivery streams that use a role, a bucket or a Kinesis stream, from one description of
/// every stream of the Region (read once, when first needed).
#[derive(Default)]
struct Users {
    streams: Option<Vec<aws_sdk_firehose::types::DeliveryStreamDescription>>,
}

impl Users {
    async fn of(
        &mut self,
        cloud: &Cloud,
        kind: Kind,
        id: &str,
        seen: &ownership::Seen,
        except: Option<&str>,
    ) -> Result<Vec<String>, CloudError> {
        let needle = match kind {
            Kind::Role => None,
            Kind::Bucket => Some(format!(":s3:::{id}\"")),
            Kind::KinesisStream => match &seen.identity.id {
                Some(arn) => Some(format!("{arn}\"")),
                None => return Ok(Vec::new()),
            },
            _ => return Ok(Vec::new()),
        };
        if self.streams.is_none() {
            self.streams = Some(super::inventory::described_streams(&cloud.firehose).await?);
        }
        let here = self.streams.as_deref().unwrap_or_default();
        let Some(needle) = needle else {
            // a role is global: the streams of the Region it was last used in count too
            let last = super::inventory::role_last_used_region(cloud, role_name_of(id)).await?;
            return super::inventory::streams_using_role_of(cloud, here, id, except, last.as_deref()).await;
        };
        Ok(here
            .iter()
            .filter(|d| Some(d.delivery_stream_name()) != except && format!("{d:?}").contains(&needle))
            .map(|d| d.delivery_stream_name().to_owned())
            .collect())
    }
}

fn after_slash(s: &str) -> &str {
    s.rsplit('/').next().unwrap_or(s)
}

/// Deletes one resource and waits until it is gone; `Ok(Some(reason))` when it was kept on purpose.
async fn remove(
    cloud: &Cloud,
    kind: Kind,
    id: &str,
    opts: Options,
    timing: &Timing,
    emptying: &mut (dyn FnMut(u64) + Send),
) -> Result<Option<Msg>, CloudError> {
    match kind {
        Kind::DeliveryStream => {
            let name = after_slash(id);
            cloud
                .firehose
                .delete_delivery_stream()
                .delivery_stream_name(name)
                .send()
                .await
                .map_err(|e| CloudError::from_sdk("firehose:DeleteDeliveryStream", e))?;
            wait_gone(cloud, kind, id, timing).await?;
        }
        Kind::RolePolicy => {
            let (role, policy) = id.split_once('/').unwrap_or((id, ""));
            cloud
                .iam
                .delete_role_policy()
                .role_name(role)
                .policy_name(policy)
                .send()
                .await
                .map_err(|e| CloudError::from_sdk("iam:DeleteRolePolicy", e))?;
        }
        Kind::Role => {
            if let Err(e) = cloud.iam.delete_role().role_name(role_name_of(id)).send().await {
                let e = CloudError::from_sdk("iam:DeleteRole", e);
                if e.is("DeleteConflict") {
                    return Ok(Some(msg!("destroy-kept-role-policies")));
                }
                return Err(e);
            }
        }
        Kind::Bucket => {
            let objects = count_objects(cloud, id).await?;
            if objects > 0 {
                if !opts.with_objects {
                    return Ok(Some(msg!("destroy-kept-objects", count = objects)));
                }
                emptying(objects);
                empty_bucket(cloud, id).await?;
            }
            cloud.s3.delete_bucket().bucket(id).send().await.map_err(|e| CloudError::from_sdk("s3:DeleteBucket", e))?;
        }
        Kind::KinesisStream => {
            let req = cloud.kinesis.delete_stream();
            let req = if id.starts_with("arn:") { req.stream_arn(id) } else { req.stream_name(id) };
            req.send().await.map_err(|e| CloudError::from_sdk("kinesis:DeleteStream", e))?;
            wait_gone(cloud, kind, id, timing).await?;
        }
        Kind::LogGroup => {
            if let Err(e) = cloud.logs.delete_log_group().log_group_name(id).send().await {
                gone_is_fine(CloudError::from_sdk("logs:DeleteLogGroup", e))?;
            }
        }
        Kind::LogStream => {
            let (group, stream) = id.split_once(':').unwrap_or((id, ""));
            if let Err(e) = cloud.logs.delete_log_stream().log_group_name(group).log_stream_name(stream).send().await {
                gone_is_fine(CloudError::from_sdk("logs:DeleteLogStream", e))?;
            }
        }
    }
    Ok(None)
}

/// Polls until a deleted resource has disappeared (DELETING takes a while for streams).
async fn wait_gone(cloud: &Cloud, kind: Kind, id: &str, timing: &Timing) -> Result<(), CloudError> {
    let start = Instant::now();
    while exists(cloud, kind, id).await? {
        if start.elapsed() > timing.poll_timeout {
            return Err(CloudError::local(
                msg!("destroy-still-deleting", kind = kind.msg(), id = id, seconds = timing.poll_timeout.as_secs()),
                msg!("destroy-still-deleting-hint"),
            ));
        }
        tokio::time::sleep(timing.poll_every.min(Duration::from_secs(2))).await;
    }
    Ok(())
}

/// A log stream removed along with its group is already gone: that is what was wanted.
fn gone_is_fine(e: CloudError) -> Result<(), CloudError> {
    if e.is("ResourceNotFoundException") { Ok(()) } else { Err(e) }
}

/// How many object versions (delete markers included) a bucket holds: all of them must go before the
/// bucket can.
pub async fn count_objects(cloud: &Cloud, bucket: &str) -> Result<u64, CloudError> {
    Ok(list_versions(cloud, bucket).await?.len() as u64)
}

async fn list_versions(cloud: &Cloud, bucket: &str) -> Result<Vec<ObjectIdentifier>, CloudError> {
    let mut out = Vec::new();
    let (mut key_marker, mut version_marker) = (None, None);
    loop {
        let page = cloud
            .s3
            .list_object_versions()
            .bucket(bucket)
            .set_key_marker(key_marker)
            .set_version_id_marker(version_marker)
            .send()
            .await
            .map_err(|e| CloudError::from_sdk("s3:ListObjectVersions", e))?;
        let ids = page
            .versions()
            .iter()
            .map(|v| (v.key(), v.version_id()))
            .chain(page.delete_markers().iter().map(|m| (m.key(), m.version_id())));
        for (key, version) in ids {
            if let Some(key) = key {
                let id = ObjectIdentifier::builder().key(key).set_version_id(version.map(str::to_owned)).build();
                out.push(id.map_err(|e| CloudError::local(Msg::text(e.to_string()), msg!("hint-bug")))?);
            }
        }
        if page.is_truncated() != Some(true) {
            return Ok(out);
        }
        key_marker = page.next_key_marker().map(str::to_owned);
        version_marker = page.next_version_id_marker().map(str::to_owned);
    }
}

/// Deletes every object version of a bucket, 1000 per DeleteObjects call.
async fn empty_bucket(cloud: &Cloud, bucket: &str) -> Result<(), CloudError> {
    let all = list_versions(cloud, bucket).await?;
    for chunk in all.chunks(1000) {
        let delete = Delete::builder()
            .set_objects(Some(chunk.to_vec()))
            .quiet(true)
            .build()
            .map_err(|e| CloudError::local(Msg::text(e.to_string()), msg!("hint-bug")))?;
        let out = cloud
            .s3
            .delete_objects()
            .bucket(bucket)
            .delete(delete)
            .send()
            .await
            .map_err(|e| CloudError::from_sdk("s3:DeleteObjects", e))?;
        if let Some(e) = out.errors().first() {
            return Err(CloudError {
                operation: Some("s3:DeleteObjects"),
                code: e.code().map(str::to_owned),
                message: msg!(
                    "destroy-objects-failed",
                    count = out.errors().len(),
                    key = e.key().unwrap_or("?"),
                    message = e.message().unwrap_or("")
                ),
                request_id: None,
                hint: Some(Box::new(msg!("destroy-objects-failed-hint"))),
                answer_lost: false,
            });
        }
    }
    Ok(())
}

/// The account and Region (STS), and the stream's journal there with its unanswered entries settled
/// by lookups (see [`settle`] for `forget_after`).
pub async fn settled_journal(
    cloud: &Cloud,
    store: &super::journal::Store,
    stream: &str,
    forget_after: Option<Duration>,
) -> Result<(Target, Journal), CloudError> {
    let target = cloud.identify().await?;
    let mut journal = store.open(&target, stream).map_err(journal_error)?;
    settle(cloud, &mut journal, forget_after).await?;
    Ok((target, journal))
}

/// What to tell the user after an interrupted creation: what firehose-wizard created (by the journal),
/// and the commands that resume or remove it. `plan` is the plan file's path as the user should type it.
pub fn interrupted_lines(journal: Result<&Journal, &CloudError>, plan: &str) -> Vec<Msg> {
    let mut out = Vec::new();
    match journal {
        Ok(j) if j.is_empty() => out.push(msg!("interrupted-nothing")),
        Ok(j) => {
            out.push(msg!("interrupted-journal", path = j.path().display().to_string()));
            for e in &j.entries {
                let id = crate::plan::sanitize(&e.id);
                out.push(match e.status {
                    Status::Created => msg!("interrupted-entry", kind = e.kind.msg(), id = id),
                    Status::Creating => msg!("interrupted-entry-unanswered", kind = e.kind.msg(), id = id),
                });
            }
        }
        Err(e) => out.push(msg!("interrupted-unreadable", error = e.summary())),
    }
    out.push(msg!("interrupted-resume", plan = plan));
    out.push(msg!("interrupted-remove", plan = plan));
    out
}
