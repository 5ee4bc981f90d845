//! Proof that a resource is the one firehose-wizard created, not another of the same name.
//!
//! Two marks, both needed (see [`verdict`]):
//! - **the tag** `firehose-wizard:journal` = `REGION/STREAM/JOURNAL-ID` ([`Journal::tag_value`]), put on
//!   everything it creates that AWS lets carry a tag (the delivery stream, the Kinesis stream, the
//!   bucket, the role, the log group), at the create call where the API takes tags;
//! - **the identity** ([`Identity`]), read back once the resource exists and kept in the journal: what
//!   re-creating a name cannot forge (a role's `RoleId`, a stream's or log group's ARN and creation
//!   time, a bucket's creation date, a log stream's creation time; for a role policy, the `RoleId` of
//!   the role it is on).
//!
//! A resource that lacks either is kept by `destroy`, with the reason. A journal edited by hand can
//! name resources, but it cannot put this journal's tag on them, nor give them the identity recorded
//! when they were made.

use aws_sdk_s3::types::{Tag as S3Tag, Tagging};
use aws_smithy_types::DateTime;
use aws_smithy_types::date_time::Format;

use super::journal::{Entry, Identity, Journal};
use super::provision::{Kind, stream_summary};
use super::{Cloud, CloudError};
use crate::plan::msg::Msg;
use crate::plan::names::role_name_of;

/// The key of the tag on everything firehose-wizard creates.
pub const TAG_KEY: &str = "firehose-wizard:journal";

/// How far apart this machine's clock and AWS's may be when an unanswered create call is judged by the
/// creation time of what was found.
const CLOCK_SLACK_SECS: i64 = 300;

/// What AWS says of one resource now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seen {
    pub identity: Identity,
    /// The value of [`TAG_KEY`] on it (`None`: no such tag, or tags were not read).
    pub tag: Option<String>,
}

/// Whether AWS lets this kind of resource carry a tag (a role policy and a log stream cannot).
pub fn taggable(kind: Kind) -> bool {
    !matches!(kind, Kind::RolePolicy | Kind::LogStream)
}

/// An AWS time as the journal keeps it.
pub fn time(t: &DateTime) -> String {
    t.fmt(Format::DateTime).unwrap_or_else(|_| t.secs().to_string())
}

/// A time in milliseconds since the epoch (CloudWatch Logs'), as the journal keeps it.
fn millis(ms: i64) -> String {
    time(&DateTime::from_millis(ms))
}

fn parse(t: &str) -> Option<DateTime> {
    DateTime::from_str(t, Format::DateTime).ok()
}

/// Looks a resource up: `None` when it is not there. `with_tags` also reads firehose-wizard's tag
/// (one more call for most kinds).
pub async fn look(cloud: &Cloud, kind: Kind, id: &str, with_tags: bool) -> Result<Option<Seen>, CloudError> {
    let absent = |e: CloudError, codes: &[&str]| if codes.iter().any(|c| e.is(c)) { Ok(None) } else { Err(e) };
    let with_tags = with_tags && taggable(kind);
    Ok(Some(match kind {
        Kind::DeliveryStream => {
            let name = id.rsplit('/').next().unwrap_or(id);
            let (d, tags) = if with_tags {
                match super::inventory::delivery_stream_with_tags(cloud, name).await? {
                    Some((d, tags)) => (d, tag_of(tags.iter().map(|t| (t.key(), t.value())))),
                    None => return Ok(None),
                }
            } else {
                match super::inventory::delivery_stream(cloud, name).await? {
                    Some(d) => (d, None),
                    None => return Ok(None),
                }
            };
            Seen {
                identity: Identity {
                    id: Some(d.delivery_stream_arn().to_owned()),
                    created: d.create_timestamp().map(time),
                },
                tag: tags,
            }
        }
        Kind::KinesisStream => {
            let s = match stream_summary(&cloud.kinesis, id).await {
                Ok(s) => s,
                Err(e) => return absent(e, &["ResourceNotFoundException"]),
            };
            let tag = if with_tags { kinesis_tag(cloud, s.stream_arn()).await? } else { None };
            Seen {
                identity: Identity {
                    id: Some(s.stream_arn().to_owned()),
                    created: Some(time(s.stream_creation_timestamp())),
                },
                tag,
            }
        }
        Kind::Bucket => {
            let Some(created) = bucket_created(cloud, id).await? else { return Ok(None) };
            let tag = if with_tags {
                tag_of(bucket_tags(cloud, id).await?.iter().map(|t| (t.key(), Some(t.value()))))
            } else {
                None
            };
            Seen { identity: Identity { id: None, created }, tag }
        }
        Kind::Role => {
            let role = match cloud.iam.get_role().role_name(role_name_of(id)).send().await {
                Ok(out) => out.role,
                Err(e) => return absent(CloudError::from_sdk("iam:GetRole", e), &["NoSuchEntity"]),
            };
            let Some(role) = role else { return Ok(None) };
            Seen { identity: role_identity(&role), tag: tag_of(role.tags().iter().map(|t| (t.key(), Some(t.value())))) }
        }
        Kind::RolePolicy => {
            let (role, policy) = id.split_once('/').unwrap_or((id, ""));
            if let Err(e) = cloud.iam.get_role_policy().role_name(role).policy_name(policy).send().await {
                return absent(CloudError::from_sdk("iam:GetRolePolicy", e), &["NoSuchEntity"]);
            }
            let role = match cloud.iam.get_role().role_name(role).send().await {
                Ok(out) => out.role,
                Err(e) => return absent(CloudError::from_sdk("iam:GetRole", e), &["NoSuchEntity"]),
            };
            let Some(role) = role else { return Ok(None) };
            Seen { identity: Identity { id: Some(role.role_id().to_owned()), created: None }, tag: None }
        }
        Kind::LogGroup => {
            let out = cloud
                .logs
                .describe_log_groups()
                .log_group_name_prefix(id)
                .send()
                .await
                .map_err(|e| CloudError::from_sdk("logs:DescribeLogGroups", e))?;
            let Some(g) = out.log_groups().iter().find(|g| g.log_group_name() == Some(id)) else { return Ok(None) };
            let arn =
                g.log_group_arn().map(str::to_owned).or_else(|| g.arn().map(|a| a.trim_end_matches(":*").to_owned()));
            let tag = match (&arn, with_tags) {
                (Some(arn), true) => {
                    let out = cloud
                        .logs
                        .list_tags_for_resource()
                        .resource_arn(arn)
                        .send()
                        .await
                        .map_err(|e| CloudError::from_sdk("logs:ListTagsForResource", e))?;
                    out.tags().and_then(|t| t.get(TAG_KEY)).cloned()
                }
                _ => None,
            };
            Seen { identity: Identity { id: arn, created: g.creation_time().map(millis) }, tag }
        }
        Kind::LogStream => {
            let (group, stream) = id.split_once(':').unwrap_or((id, ""));
            let out = match cloud
                .logs
                .describe_log_streams()
                .log_group_name(group)
                .log_stream_name_prefix(stream)
                .send()
                .await
            {
                Ok(out) => out,
                Err(e) => {
                    return absent(CloudError::from_sdk("logs:DescribeLogStreams", e), &["ResourceNotFoundException"]);
                }
            };
            let Some(s) = out.log_streams().iter().find(|s| s.log_stream_name() == Some(stream)) else {
                return Ok(None);
            };
            Seen {
                identity: Identity { id: s.arn().map(str::to_owned), created: s.creation_time().map(millis) },
                tag: None,
            }
        }
    }))
}

/// The identity of a role, from any answer that carries the role (CreateRole's, GetRole's).
pub fn role_identity(role: &aws_sdk_iam::types::Role) -> Identity {
    Identity { id: Some(role.role_id().to_owned()), created: Some(time(role.create_date())) }
}

fn tag_of<'a>(tags: impl Iterator<Item = (&'a str, Option<&'a str>)>) -> Option<String> {
    tags.into_iter().find(|(k, _)| *k == TAG_KEY).map(|(_, v)| v.unwrap_or_default().to_owned())
}

/// A bucket of this account's, and its creation date (ListBuckets lists only the caller's own).
pub async fn bucket_created(cloud: &Cloud, bucket: &str) -> Result<Option<Option<String>>, CloudError> {
    let mut pages = cloud.s3.list_buckets().prefix(bucket).max_buckets(1000).into_paginator().send();
    while let Some(out) = pages.next().await {
        let out = out.map_err(|e| CloudError::from_sdk("s3:ListBuckets", e))?;
        if let Some(b) = out.buckets().iter().find(|b| b.name() == Some(bucket)) {
            return Ok(Some(b.creation_date().map(time)));
        }
    }
    Ok(None)
}

async fn bucket_tags(cloud: &Cloud, bucket: &str) -> Result<Vec<S3Tag>, CloudError> {
    match cloud.s3.get_bucket_tagging().bucket(bucket).send().await {
        Ok(out) => Ok(out.tag_set),
        Err(e) => {
            let e = CloudError::from_sdk("s3:GetBucketTagging", e);
            if e.is("NoSuchTagSet") { Ok(Vec::new()) } else { Err(e) }
        }
    }
}

async fn kinesis_tag(cloud: &Cloud, arn: &str) -> Result<Option<String>, CloudError> {
    let mut start: Option<String> = None;
    loop {
        let out = cloud
            .kinesis
            .list_tags_for_stream()
            .stream_arn(arn)
            .set_exclusive_start_tag_key(start.clone())
            .send()
            .await
            .map_err(|e| CloudError::from_sdk("kinesis:ListTagsForStream", e))?;
        if let Some(t) = out.tags().iter().find(|t| t.key() == TAG_KEY) {
            return Ok(Some(t.value().unwrap_or_default().to_owned()));
        }
        match out.tags().last() {
            Some(last) if out.has_more_tags() => start = Some(last.key().to_owned()),
            _ => return Ok(None),
        }
    }
}

/// Puts firehose-wizard's tag on a resource it made whose create call could not carry it (S3's
/// CreateBucket), or did not (a service that ignored the create call's tags). Other tags are kept.
/// `fresh`: the resource was made just now and holds no tags yet (S3's tag set is then put without
/// reading it first).
pub async fn put_tag(
    cloud: &Cloud,
    kind: Kind,
    id: &str,
    seen: &Seen,
    value: &str,
    fresh: bool,
) -> Result<(), CloudError> {
    match kind {
        Kind::Bucket => {
            let mut tags: Vec<S3Tag> = if fresh { Vec::new() } else { bucket_tags(cloud, id).await? };
            tags.retain(|t| t.key() != TAG_KEY);
            tags.push(S3Tag::builder().key(TAG_KEY).value(value).build().map_err(bug)?);
            let tagging = Tagging::builder().set_tag_set(Some(tags)).build().map_err(bug)?;
            cloud
                .s3
                .put_bucket_tagging()
                .bucket(id)
                .tagging(tagging)
                .send()
                .await
                .map_err(|e| CloudError::from_sdk("s3:PutBucketTagging", e))?;
        }
        Kind::KinesisStream => {
            let arn = seen.identity.id.as_deref().unwrap_or(id);
            cloud
                .kinesis
                .add_tags_to_stream()
                .stream_arn(arn)
                .tags(TAG_KEY, value)
                .send()
                .await
                .map_err(|e| CloudError::from_sdk("kinesis:AddTagsToStream", e))?;
        }
        Kind::Role => {
            let tag = aws_sdk_iam::types::Tag::builder().key(TAG_KEY).value(value).build().map_err(bug)?;
            cloud
                .iam
                .tag_role()
                .role_name(role_name_of(id))
                .tags(tag)
                .send()
                .await
                .map_err(|e| CloudError::from_sdk("iam:TagRole", e))?;
        }
        Kind::LogGroup => {
            let Some(arn) = &seen.identity.id else { return Ok(()) };
            cloud
                .logs
                .tag_resource()
                .resource_arn(arn)
                .tags(TAG_KEY, value)
                .send()
                .await
                .map_err(|e| CloudError::from_sdk("logs:TagResource", e))?;
        }
        Kind::DeliveryStream => {
            let tag = aws_sdk_firehose::types::Tag::builder().key(TAG_KEY).value(value).build().map_err(bug)?;
            cloud
                .firehose
                .tag_delivery_stream()
                .delivery_stream_name(id.rsplit('/').next().unwrap_or(id))
                .tags(tag)
                .send()
                .await
                .map_err(|e| CloudError::from_sdk("firehose:TagDeliveryStream", e))?;
        }
        Kind::RolePolicy | Kind::LogStream => {}
    }
    Ok(())
}

fn bug(e: impl std::fmt::Display) -> CloudError {
    CloudError::local(Msg::text(e.to_string()), msg!("hint-bug"))
}

/// Whether a resource found for an entry whose create call never answered is the one that call made.
/// Its tag decides when it has one (this journal's: yes; another's: no); without one, a resource
/// created well before the call was sent is someone else's, anything else is the call's (the lookup
/// before the call had found nothing).
pub fn claims(entry: &Entry, seen: &Seen, journal: &Journal) -> bool {
    match &seen.tag {
        Some(tag) => *tag == journal.tag_value(),
        None => {
            let sent = chrono::DateTime::parse_from_rfc3339(&entry.at).ok().map(|t| t.timestamp());
            let created = seen.identity.created.as_deref().and_then(parse).map(|t| t.secs());
            match (sent, created) {
                (Some(sent), Some(created)) => created >= sent - CLOCK_SLACK_SECS,
                _ => true,
            }
        }
    }
}

/// What `destroy` may do with a resource the journal lists.
#[derive(Debug, Clone, PartialEq)]
pub enum Verdict {
    /// It is the one firehose-wizard created.
    Proven,
    /// Another resource of the same name: the one firehose-wizard created is gone. Kept, and the
    /// entry is forgotten.
    Other(Msg),
    /// It may be the one firehose-wizard created, but that cannot be proven: kept, and the entry stays.
    Unproven(Msg),
}

/// Compares a resource as it is now with what the journal recorded when it was made.
pub fn verdict(entry: &Entry, seen: &Seen, journal: &Journal) -> Verdict {
    let kind = entry.kind.msg();
    let Some(recorded) = &entry.identity else {
        return Verdict::Unproven(msg!("own-no-identity"));
    };
    let tag_ok = !taggable(entry.kind) || seen.tag.as_deref() == Some(journal.tag_value().as_str());
    let date = |t: &Option<String>| t.clone().unwrap_or_else(|| "?".into());
    if entry.kind == Kind::Bucket {
        // A bucket has no id that outlives its name, only its creation date, which S3 also moves when
        // the bucket's policy is edited: the date as recorded and this journal's tag prove it; another
        // date is another bucket unless it carries the tag, and then it cannot be told.
        let secs = |t: &Option<String>| t.as_deref().and_then(parse).map(|t| t.secs());
        let same_date = secs(&recorded.created) == secs(&seen.identity.created);
        return match (same_date, tag_ok) {
            (true, true) => Verdict::Proven,
            (true, false) => untagged(seen, journal),
            (false, true) => Verdict::Unproven(msg!(
                "own-bucket-moved",
                recorded = date(&recorded.created),
                seen = date(&seen.identity.created)
            )),
            (false, false) => Verdict::Other(msg!(
                "own-other-created",
                kind = kind,
                recorded = date(&recorded.created),
                seen = date(&seen.identity.created)
            )),
        };
    }
    if recorded.id != seen.identity.id {
        return Verdict::Other(match entry.kind {
            Kind::RolePolicy => msg!(
                "own-other-role-policy",
                recorded = recorded.id.clone().unwrap_or_default(),
                seen = seen.identity.id.clone().unwrap_or_default()
            ),
            _ => msg!(
                "own-other-id",
                kind = kind,
                recorded = recorded.id.clone().unwrap_or_default(),
                seen = seen.identity.id.clone().unwrap_or_default()
            ),
        });
    }
    if recorded.created != seen.identity.created {
        return Verdict::Other(msg!(
            "own-other-created",
            kind = kind,
            recorded = date(&recorded.created),
            seen = date(&seen.identity.created)
        ));
    }
    if entry.kind == Kind::RolePolicy
        && !entry.id.split_once('/').is_some_and(|(_, p)| p.starts_with("firehose-wizard-"))
    {
        // a policy firehose-wizard puts is always named so; a journal that names another was edited
        return Verdict::Unproven(msg!("own-policy-name"));
    }
    if tag_ok { Verdict::Proven } else { untagged(seen, journal) }
}

fn untagged(seen: &Seen, journal: &Journal) -> Verdict {
    match &seen.tag {
        Some(other) => Verdict::Other(msg!("own-tag-other", key = TAG_KEY, seen = other.as_str())),
        None => Verdict::Unproven(msg!("own-untagged", key = TAG_KEY, value = journal.tag_value())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cloud::journal::{Status, Store};
    use crate::plan::request::Target;

    fn journal() -> (tempfile::TempDir, Journal) {
        let dir = tempfile::tempdir().unwrap();
        let t = Target { account: "123456789012".into(), region: "us-east-1".into(), partition: "aws".into() };
        let j = Store::at(dir.path()).read(&t, "s").unwrap();
        (dir, j)
    }

    fn entry(kind: Kind, id: &str, identity: Option<Identity>) -> Entry {
        Entry { kind, id: id.into(), status: Status::Created, at: "2026-12-01T10:00:00Z".into(), identity }
    }

    fn ident(id: Option<&str>, created: &str) -> Identity {
        Identity { id: id.map(str::to_owned), created: Some(created.to_owned()) }
    }

    #[test]
    fn a_role_is_proven_by_its_role_id_and_tag_and_nothing_less() {
        let (_d, j) = journal();
        let recorded = ident(Some("AROA1"), "2026-12-01T10:00:00Z");
        let e = entry(Kind::Role, "arn:aws:iam::123456789012:role/r", Some(recorded.clone()));
        let ours = Seen { identity: recorded.clone(), tag: Some(j.tag_value()) };
        assert_eq!(verdict(&e, &ours, &j), Verdict::Proven);
        // re-created under the same name by someone else: another RoleId, no tag of ours
        let other = Seen { identity: ident(Some("AROA2"), "2026-12-02T10:00:00Z"), tag: None };
        assert!(matches!(verdict(&e, &other, &j), Verdict::Other(m) if m.id == "own-other-id"));
        // our tag copied onto another role does not make it ours
        let copied = Seen { tag: Some(j.tag_value()), ..other };
        assert!(matches!(verdict(&e, &copied, &j), Verdict::Other(_)));
        // ours, but its tag removed: not provable (a copied RoleId in an edited journal looks the same)
        let untagged = Seen { identity: recorded.clone(), tag: None };
        assert!(matches!(verdict(&e, &untagged, &j), Verdict::Unproven(m) if m.id == "own-untagged"));
        let foreign = Seen { identity: recorded, tag: Some("us-east-1/s/0000000000000000".into()) };
        assert!(matches!(verdict(&e, &foreign, &j), Verdict::Other(m) if m.id == "own-tag-other"));
        // no identity recorded (version 1, or a hand-made entry)
        assert!(
            matches!(verdict(&entry(Kind::Role, "r", None), &ours, &j), Verdict::Unproven(m) if m.id == "own-no-identity")
        );
    }

    #[test]
    fn a_bucket_is_proven_by_its_tag_and_its_creation_date() {
        let (_d, j) = journal();
        let e = entry(Kind::Bucket, "b", Some(ident(None, "2026-12-01T10:00:00Z")));
        let seen = |created: &str, tag: Option<String>| Seen { identity: ident(None, created), tag };
        let ours = Some(j.tag_value());
        assert_eq!(verdict(&e, &seen("2026-12-01T10:00:00.000Z", ours.clone()), &j), Verdict::Proven);
        let recreated = verdict(&e, &seen("2026-12-03T08:00:00Z", None), &j);
        assert!(matches!(&recreated, Verdict::Other(m) if m.id == "own-other-created"), "{recreated:?}");
        // a moved date with our tag: a policy edit, or a new bucket that kept the old tags: not told
        let moved = verdict(&e, &seen("2026-12-03T08:00:00Z", ours), &j);
        assert!(matches!(&moved, Verdict::Unproven(m) if m.id == "own-bucket-moved"), "{moved:?}");
        assert!(
            matches!(verdict(&e, &seen("2026-12-01T10:00:00Z", None), &j), Verdict::Unproven(_)),
            "same date, no tag"
        );
        let foreign = Some("us-east-1/s/ffffffffffffffff".to_owned());
        assert!(
            matches!(verdict(&e, &seen("2026-12-01T10:00:00Z", foreign), &j), Verdict::Other(_)),
            "another journal's"
        );
    }

    #[test]
    fn streams_log_streams_and_policies_compare_what_cannot_be_forged() {
        let (_d, j) = journal();
        let arn = "arn:aws:logs:us-east-1:123456789012:log-group:g:log-stream:s";
        let e = entry(Kind::LogStream, "g:s", Some(ident(Some(arn), "2026-12-01T10:00:00.123Z")));
        let same = Seen { identity: ident(Some(arn), "2026-12-01T10:00:00.123Z"), tag: None };
        assert_eq!(verdict(&e, &same, &j), Verdict::Proven, "a log stream cannot carry a tag");
        let later = Seen { identity: ident(Some(arn), "2026-12-01T10:00:00.124Z"), tag: None };
        assert!(matches!(verdict(&e, &later, &j), Verdict::Other(_)));
        let policy = Identity { id: Some("AROA1".into()), created: None };
        let p = entry(Kind::RolePolicy, "r/firehose-wizard-us-east-1-s", Some(policy.clone()));
        assert_eq!(verdict(&p, &Seen { identity: policy.clone(), tag: None }, &j), Verdict::Proven);
        let on_other = Seen { identity: Identity { id: Some("AROA9".into()), created: None }, tag: None };
        assert!(matches!(verdict(&p, &on_other, &j), Verdict::Other(m) if m.id == "own-other-role-policy"));
        let edited = entry(Kind::RolePolicy, "r/AdministratorAccess", Some(policy.clone()));
        assert!(matches!(verdict(&edited, &Seen { identity: policy, tag: None }, &j), Verdict::Unproven(_)));
    }

    #[test]
    fn an_unanswered_call_claims_what_carries_its_tag_or_was_made_after_it() {
        let (_d, j) = journal();
        let mut e = entry(Kind::Bucket, "b", None);
        e.status = Status::Creating;
        let seen = |created: &str, tag: Option<String>| Seen { identity: ident(None, created), tag };
        assert!(claims(&e, &seen("2026-12-01T10:00:01Z", None), &j));
        assert!(claims(&e, &seen("2026-12-01T09:57:00Z", None), &j), "within the clocks' slack");
        assert!(!claims(&e, &seen("2026-11-30T10:00:00Z", None), &j), "made the day before");
        assert!(claims(&e, &seen("2026-11-30T10:00:00Z", Some(j.tag_value())), &j), "the tag decides");
        assert!(!claims(&e, &seen("2026-12-01T10:00:01Z", Some("x".into())), &j));
    }
}
