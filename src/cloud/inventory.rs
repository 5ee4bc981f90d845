//! Paginated lists for the wizard's pickers: Kinesis streams, S3 buckets, IAM roles, and whether a
//! delivery stream name is taken. Each list hands over its pages as they arrive, so a picker can show
//! the first page at once and keep loading behind it.

use std::collections::HashSet;

use aws_sdk_kinesis::types::StreamStatus;

use super::{Cloud, CloudError};
use crate::plan::policy;

/// One entry of a picker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// What choosing it puts in the plan (a name).
    pub value: String,
    /// A short note shown beside it (status, Region, "trusts Firehose").
    pub detail: String,
    /// Whether it may be chosen (a CREATING stream may not).
    pub selectable: bool,
    /// Lower sorts first (roles that trust Firehose come first).
    pub rank: u8,
}

/// Kinesis streams of this account and Region, with their status; only ACTIVE and UPDATING ones are
/// selectable. Pages with `ExclusiveStartStreamName` (every implementation honours it) and drops names
/// already seen.
pub async fn kinesis_streams(cloud: &Cloud, mut on_page: impl FnMut(Vec<Item>)) -> Result<(), CloudError> {
    let mut seen = HashSet::new();
    let mut start: Option<String> = None;
    loop {
        let out = cloud
            .kinesis
            .list_streams()
            .limit(100)
            .set_exclusive_start_stream_name(start.clone())
            .send()
            .await
            .map_err(|e| CloudError::from_sdk("kinesis:ListStreams", e))?;
        let mut page = Vec::new();
        for s in out.stream_summaries() {
            let name = s.stream_name().to_owned();
            if !seen.insert(name.clone()) {
                continue;
            }
            let status = s.stream_status();
            let selectable = matches!(status, StreamStatus::Active | StreamStatus::Updating);
            let mode = s.stream_mode_details().map(|m| match m.stream_mode() {
                aws_sdk_kinesis::types::StreamMode::OnDemand => msg!("mode-on-demand").to_string(),
                aws_sdk_kinesis::types::StreamMode::Provisioned => msg!("mode-provisioned").to_string(),
                other => other.as_str().to_lowercase().replace('_', "-"),
            });
            let detail = match mode {
                Some(m) => format!("{} · {m}", status.as_str()),
                None => status.as_str().to_owned(),
            };
            page.push(Item { value: name, detail, selectable, rank: if selectable { 0 } else { 1 } });
        }
        // Older responses carry only StreamNames.
        if out.stream_summaries().is_empty() {
            for n in out.stream_names() {
                if seen.insert(n.clone()) {
                    page.push(Item { value: n.clone(), detail: String::new(), selectable: true, rank: 0 });
                }
            }
        }
        let last = page.last().map(|i| i.value.clone());
        let added = !page.is_empty();
        on_page(page);
        match (out.has_more_streams(), last) {
            (true, Some(last)) if added => start = Some(last),
            _ => return Ok(()),
        }
    }
}

/// This account's buckets (all Regions), with their Region when S3 reports it.
pub async fn buckets(cloud: &Cloud, mut on_page: impl FnMut(Vec<Item>)) -> Result<(), CloudError> {
    let mut pages = cloud.s3.list_buckets().max_buckets(1000).into_paginator().send();
    while let Some(out) = pages.next().await {
        let out = out.map_err(|e| CloudError::from_sdk("s3:ListBuckets", e))?;
        let page = out
            .buckets()
            .iter()
            .filter_map(|b| {
                let name = b.name()?.to_owned();
                let detail = b.bucket_region().unwrap_or_default().to_owned();
                let rank = if detail.is_empty() || detail == cloud.region { 0 } else { 1 };
                Some(Item { value: name, detail, selectable: true, rank })
            })
            .collect();
        on_page(page);
    }
    Ok(())
}

/// This account's IAM roles; those whose trust policy lets Firehose assume them rank first.
pub async fn roles(cloud: &Cloud, mut on_page: impl FnMut(Vec<Item>)) -> Result<(), CloudError> {
    let mut pages = cloud.iam.list_roles().max_items(1000).into_paginator().send();
    while let Some(out) = pages.next().await {
        let out = out.map_err(|e| CloudError::from_sdk("iam:ListRoles", e))?;
        let page = out
            .roles()
            .iter()
            .map(|r| {
                let trusted = trusts_firehose(r);
                let path = if r.path() == "/" { String::new() } else { format!("{} · ", r.path()) };
                // Firehose could not assume a role that does not trust it: shown, not choosable
                Item {
                    value: r.role_name().to_owned(),
                    detail: format!(
                        "{path}{}",
                        if trusted { msg!("role-trusts-firehose") } else { msg!("role-does-not-trust-firehose") }
                    ),
                    selectable: trusted,
                    rank: if trusted { 0 } else { 1 },
                }
            })
            .collect();
        on_page(page);
    }
    Ok(())
}

/// Whether a delivery stream of this name already exists in this account and Region.
pub async fn delivery_stream_exists(cloud: &Cloud, name: &str) -> Result<bool, CloudError> {
    Ok(delivery_stream(cloud, name).await?.is_some())
}

/// DescribeDeliveryStream of a stream by name, `None` if there is none.
pub async fn delivery_stream(
    cloud: &Cloud,
    name: &str,
) -> Result<Option<aws_sdk_firehose::types::DeliveryStreamDescription>, CloudError> {
    match cloud.firehose.describe_delivery_stream().delivery_stream_name(name).send().await {
        Ok(out) => Ok(out.delivery_stream_description),
        Err(e) => {
            let e = CloudError::from_sdk("firehose:DescribeDeliveryStream", e);
            if e.is("ResourceNotFoundException") { Ok(None) } else { Err(e) }
        }
    }
}

/// A delivery stream's description and every tag of it (ListTagsForDeliveryStream, page by page),
/// `None` if there is no stream of that name.
pub async fn delivery_stream_with_tags(
    cloud: &Cloud,
    name: &str,
) -> Result<Option<(aws_sdk_firehose::types::DeliveryStreamDescription, Vec<aws_sdk_firehose::types::Tag>)>, CloudError>
{
    let Some(d) = delivery_stream(cloud, name).await? else { return Ok(None) };
    let mut tags = Vec::new();
    loop {
        let out = cloud
            .firehose
            .list_tags_for_delivery_stream()
            .delivery_stream_name(name)
            .set_exclusive_start_tag_key(tags.last().map(|t: &aws_sdk_firehose::types::Tag| t.key().to_owned()))
            .send()
            .await
            .map_err(|e| CloudError::from_sdk("firehose:ListTagsForDeliveryStream", e))?;
        let more = out.has_more_tags() && !out.tags().is_empty();
        tags.extend(out.tags);
        if !more {
            break;
        }
    }
    Ok(Some((d, tags)))
}

/// Whether a role's trust policy lets Firehose assume it.
pub fn trusts_firehose(role: &aws_sdk_iam::types::Role) -> bool {
    role.assume_role_policy_document()
        .and_then(policy::decode_policy_document)
        .is_some_and(|d| policy::trusts_firehose(&d))
}

/// What a role allows: its ARN, whether it trusts Firehose, and every policy document on it (inline
/// and attached managed policies, the default version of each).
#[derive(Debug, Clone)]
pub struct RoleReport {
    pub arn: String,
    pub trusted: bool,
    /// Its trust policy, decoded.
    pub trust: Option<serde_json::Value>,
    pub documents: Vec<serde_json::Value>,
    /// The Region IAM says it was last used in.
    pub last_used_region: Option<String>,
}

/// Reads a role's trust policy and all its permissions policies.
pub async fn role_report(cloud: &Cloud, name: &str) -> Result<RoleReport, CloudError> {
    let out = cloud.iam.get_role().role_name(name).send().await.map_err(|e| CloudError::from_sdk("iam:GetRole", e))?;
    let role = out.role().ok_or_else(|| CloudError::local(msg!("cloud-no-role"), msg!("hint-run-again")))?;
    let documents = role_policies(cloud, name).await?;
    Ok(RoleReport {
        arn: role.arn().to_owned(),
        trusted: trusts_firehose(role),
        trust: role.assume_role_policy_document().and_then(policy::decode_policy_document),
        documents,
        last_used_region: role.role_last_used().and_then(|u| u.region()).map(str::to_owned),
    })
}

/// Every permissions policy document on a role: its inline policies and the default version of each
/// attached managed policy.
pub async fn role_policies(cloud: &Cloud, name: &str) -> Result<Vec<serde_json::Value>, CloudError> {
    let iam = &cloud.iam;
    let mut documents = Vec::new();
    let inline: Vec<String> = iam
        .list_role_policies()
        .role_name(name)
        .into_paginator()
        .items()
        .send()
        .try_collect()
        .await
        .map_err(|e| CloudError::from_sdk("iam:ListRolePolicies", e))?;
    for p in inline {
        let doc = iam
            .get_role_policy()
            .role_name(name)
            .policy_name(p)
            .send()
            .await
            .map_err(|e| CloudError::from_sdk("iam:GetRolePolicy", e))?;
        documents.extend(policy::decode_policy_document(doc.policy_document()));
    }
    let attached: Vec<_> = iam
        .list_attached_role_policies()
        .role_name(name)
        .into_paginator()
        .items()
        .send()
        .try_collect()
        .await
        .map_err(|e| CloudError::from_sdk("iam:ListAttachedRolePolicies", e))?;
    for p in attached {
        let Some(arn) = p.policy_arn() else { continue };
        let got =
            iam.get_policy().policy_arn(arn).send().await.map_err(|e| CloudError::from_sdk("iam:GetPolicy", e))?;
        let Some(version) = got.policy().and_then(|p| p.default_version_id()) else { continue };
        let v = iam
            .get_policy_version()
            .policy_arn(arn)
            .version_id(version)
            .send()
            .await
            .map_err(|e| CloudError::from_sdk("iam:GetPolicyVersion", e))?;
        documents.extend(v.policy_version().and_then(|v| v.document()).and_then(policy::decode_policy_document));
    }
    Ok(documents)
}

/// Whether this account owns the bucket: ListBuckets lists only the caller's own buckets, and unlike
/// CreateBucket in us-east-1 it changes nothing.
pub async fn owns_bucket(cloud: &Cloud, bucket: &str) -> Result<bool, CloudError> {
    Ok(super::ownership::bucket_created(cloud, bucket).await?.is_some())
}

/// Every delivery stream of the client's Region, described (ListDeliveryStreams page by page, then
/// DescribeDeliveryStream of each; one deleted in between is left out).
pub async fn described_streams(
    firehose: &aws_sdk_firehose::Client,
) -> Result<Vec<aws_sdk_firehose::types::DeliveryStreamDescription>, CloudError> {
    let mut names: Vec<String> = Vec::new();
    loop {
        let out = firehose
            .list_delivery_streams()
            .limit(10_000)
            .set_exclusive_start_delivery_stream_name(names.last().cloned())
            .send()
            .await
            .map_err(|e| CloudError::from_sdk("firehose:ListDeliveryStreams", e))?;
        let page: Vec<String> = out.delivery_stream_names().iter().filter(|n| !names.contains(n)).cloned().collect();
        let more = out.has_more_delivery_streams() && !page.is_empty();
        names.extend(page);
        if !more {
            break;
        }
    }
    let mut out = Vec::new();
    for name in names {
        match firehose.describe_delivery_stream().delivery_stream_name(&name).send().await {
            Ok(d) => out.extend(d.delivery_stream_description),
            Err(e) => {
                let e = CloudError::from_sdk("firehose:DescribeDeliveryStream", e);
                if !e.is("ResourceNotFoundException") {
                    return Err(e);
                }
            }
        }
    }
    Ok(out)
}

/// The delivery streams that name a role in any of their role fields (see
/// [`crate::plan::describe::role_arns`]): every stream of this Region but `except`, and of the Region
/// IAM says the role was last used in when that is another one (`NAME (REGION)`).
pub async fn streams_using_role(
    cloud: &Cloud,
    role_arn: &str,
    except: Option<&str>,
    last_used_region: Option<&str>,
) -> Result<Vec<String>, CloudError> {
    let here = described_streams(&cloud.firehose).await?;
    streams_using_role_of(cloud, &here, role_arn, except, last_used_region).await
}

/// [`streams_using_role`] with this Region's streams already described (`here`).
pub async fn streams_using_role_of(
    cloud: &Cloud,
    here: &[aws_sdk_firehose::types::DeliveryStreamDescription],
    role_arn: &str,
    except: Option<&str>,
    last_used_region: Option<&str>,
) -> Result<Vec<String>, CloudError> {
    use crate::plan::describe::{role_arns, same_role};
    let uses =
        |d: &aws_sdk_firehose::types::DeliveryStreamDescription| role_arns(d).iter().any(|r| same_role(r, role_arn));
    let mut out: Vec<String> = here
        .iter()
        .filter(|d| Some(d.delivery_stream_name()) != except && uses(d))
        .map(|d| d.delivery_stream_name().to_owned())
        .collect();
    if let Some(region) = last_used_region.filter(|r| *r != cloud.region) {
        let conf =
            aws_sdk_firehose::config::Builder::from(&cloud.sdk).region(aws_config::Region::new(region.to_owned()));
        let other = aws_sdk_firehose::Client::from_conf(conf.build());
        for d in described_streams(&other).await?.iter().filter(|d| uses(d)) {
            out.push(format!("{} ({region})", d.delivery_stream_name()));
        }
    }
    Ok(out)
}

/// The Region IAM says a role was last used in, if it says.
pub async fn role_last_used_region(cloud: &Cloud, role: &str) -> Result<Option<String>, CloudError> {
    let out = cloud.iam.get_role().role_name(role).send().await.map_err(|e| CloudError::from_sdk("iam:GetRole", e))?;
    Ok(out.role().and_then(|r| r.role_last_used()).and_then(|u| u.region()).map(str::to_owned))
}

/// The KMS key an existing Kinesis source stream is encrypted with (DescribeStreamSummary's `KeyId`),
/// `None` for an unencrypted one, a new one (created unencrypted) or Direct PUT. A stream that cannot
/// be described is the source step's to report (it stops the run before anything is created).
pub async fn source_key(cloud: &Cloud, plan: &crate::plan::Plan) -> Option<String> {
    let crate::plan::Source::KinesisStream(s) = &plan.source else { return None };
    let summary = super::provision::stream_summary(&cloud.kinesis, s).await.ok()?;
    match summary.encryption_type() {
        Some(aws_sdk_kinesis::types::EncryptionType::Kms) => summary.key_id().map(str::to_owned),
        _ => None,
    }
}
