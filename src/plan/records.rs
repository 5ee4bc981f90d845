//! Test records: the workshop's retail transactions, generated and varied, each carrying a marker that
//! names this run and the record's number, so that the smoke test recognises its own records in whatever
//! object they land. Also the lines of a JSON Lines file, and the batches each API accepts. Pure.

use std::ops::Range;

use chrono::{DateTime, Utc};
use rand::Rng;
use serde_json::{Value, json};

use super::msg::Msg;

/// The field that carries a record's tag (`<marker>#<number>`).
pub const MARKER_FIELD: &str = "firehose_wizard_test";

/// Firehose PutRecordBatch: at most 500 records and 4 MiB per call, 1,000 KiB per record (before base64).
pub const FIREHOSE_BATCH: BatchLimits = BatchLimits { max_records: 500, max_bytes: 4 * 1024 * 1024 };
pub const FIREHOSE_MAX_RECORD: usize = 1_000 * 1024;
/// Kinesis PutRecords: at most 500 records and 5 MiB per call, partition keys included (the limit of
/// every Region; newer ones take 10 MiB). A record, with its partition key, may be as large as the
/// stream's maximum record size (`MaxRecordSizeInKiB`, 1 MiB unless raised).
pub const KINESIS_BATCH: BatchLimits = BatchLimits { max_records: 500, max_bytes: 5 * 1024 * 1024 };
pub const KINESIS_DEFAULT_MAX_RECORD: usize = 1024 * 1024;
/// The partition key of a test record: a UUID, 36 bytes, so that the records spread over the shards.
pub const PARTITION_KEY_LEN: usize = 36;

/// What one call of a batch API may carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BatchLimits {
    pub max_records: usize,
    pub max_bytes: usize,
}

/// A run's marker: `fwt-<UTC time>-<6 hex digits>`, unique enough to tell this run's records from any
/// other's, and short.
pub fn marker(now: DateTime<Utc>, rng: &mut impl Rng) -> String {
    format!("fwt-{}-{:06x}", now.format("%Y%m%dT%H%M%SZ"), rng.random_range(0..0x100_0000u32))
}

/// The tag of record `seq` of a run.
pub fn tag(marker: &str, seq: usize) -> String {
    format!("{marker}#{seq}")
}

/// (StockCode, Description, Price) from the Online Retail data set the workshop's generator replays.
const ITEMS: [(&str, &str, f64); 12] = [
    ("85048", "15CM CHRISTMAS GLASS BALL 20 LIGHTS", 6.95),
    ("79323P", "PINK CHERRY LIGHTS", 6.75),
    ("22041", "RECORD FRAME 7\" SINGLE SIZE", 2.10),
    ("21232", "STRAWBERRY CERAMIC TRINKET BOX", 1.25),
    ("22064", "PINK DOUGHNUT TRINKET POT", 1.65),
    ("21871", "SAVE THE PLANET MUG", 1.25),
    ("21523", "FANCY FONT HOME SWEET HOME DOORMAT", 5.95),
    ("22295", "HEART FILIGREE DOVE LARGE", 1.65),
    ("22109", "FULL ENGLISH BREAKFAST PLATE", 3.39),
    ("84879", "ASSORTED COLOUR BIRD ORNAMENT", 1.69),
    ("22423", "REGENCY CAKESTAND 3 TIER", 12.75),
    ("85123A", "WHITE HANGING HEART T-LIGHT HOLDER", 2.55),
];
const COUNTRIES: [&str; 10] = [
    "United Kingdom",
    "United Kingdom",
    "United Kingdom",
    "France",
    "Germany",
    "EIRE",
    "Netherlands",
    "Spain",
    "Belgium",
    "Australia",
];
const QUANTITIES: [i64; 8] = [1, 2, 3, 4, 6, 12, 24, 48];

/// `n` retail transactions as the workshop's data generator writes them (`Invoice`, `StockCode`,
/// `Description`, `Quantity`, `InvoiceDate`, `Price`, `Customer_ID`, `Country`), dated `at`, with a few
/// lines per invoice and a few customers per run (so that dynamic partitioning by customer or country
/// gives several partitions), each tagged with [`MARKER_FIELD`].
pub fn retail(n: usize, marker: &str, at: DateTime<Utc>, rng: &mut impl Rng) -> Vec<Value> {
    let customers: Vec<String> = (0..4).map(|_| format!("{}.0", rng.random_range(12346..18288))).collect();
    let date = at.format("%Y-%m-%d %H:%M:%S").to_string();
    let mut invoice = rng.random_range(489_434..581_588u32);
    let mut left_on_invoice = 0;
    let mut customer = 0;
    let mut country = COUNTRIES[0];
    (0..n)
        .map(|seq| {
            if left_on_invoice == 0 {
                invoice += rng.random_range(1..40);
                left_on_invoice = rng.random_range(1..5);
                customer = rng.random_range(0..customers.len());
                country = COUNTRIES[rng.random_range(0..COUNTRIES.len())];
            }
            left_on_invoice -= 1;
            let (code, description, price) = ITEMS[rng.random_range(0..ITEMS.len())];
            json!({
                "Invoice": invoice.to_string(),
                "StockCode": code,
                "Description": description,
                "Quantity": QUANTITIES[rng.random_range(0..QUANTITIES.len())],
                "InvoiceDate": date,
                "Price": price,
                "Customer_ID": customers[customer],
                "Country": country,
                MARKER_FIELD: tag(marker, seq),
            })
        })
        .collect()
}

/// A record's bytes: its JSON, and a new line unless the stream appends one itself.
pub fn encode(record: &Value, newline: bool) -> Vec<u8> {
    let mut out = serde_json::to_vec(record).expect("a JSON value serialises");
    if newline {
        out.push(b'\n');
    }
    out
}

/// A JSON Lines file that cannot be sent, and where.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.msg())]
pub struct LinesError {
    pub line: Option<usize>,
    pub message: Msg,
}

impl LinesError {
    pub fn msg(&self) -> Msg {
        match self.line {
            Some(l) => msg!("lines-at", line = l, message = self.message.clone()),
            None => self.message.clone(),
        }
    }
}

/// The records of a JSON Lines file: each non-blank line, which must be one JSON value, without its line
/// end; with the new line the record will get (`newline`), each must fit in `max_record` bytes.
pub fn json_lines(bytes: &[u8], newline: bool, max_record: usize) -> Result<Vec<Vec<u8>>, LinesError> {
    let mut out = Vec::new();
    for (i, raw) in bytes.split(|b| *b == b'\n').enumerate() {
        let line = raw.strip_suffix(b"\r").unwrap_or(raw);
        let at = |message: Msg| LinesError { line: Some(i + 1), message };
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let text = std::str::from_utf8(line).map_err(|e| at(msg!("lines-not-utf8", byte = e.valid_up_to() + 1)))?;
        if let Err(e) = serde_json::from_str::<serde::de::IgnoredAny>(text) {
            return Err(at(msg!("lines-not-json", error = e.to_string())));
        }
        let size = line.len() + usize::from(newline);
        if size > max_record {
            return Err(at(if newline {
                msg!("lines-too-large-newline", size = size, max = max_record)
            } else {
                msg!("lines-too-large", size = size, max = max_record)
            }));
        }
        let mut record = line.to_vec();
        if newline {
            record.push(b'\n');
        }
        out.push(record);
    }
    if out.is_empty() {
        return Err(LinesError { line: None, message: msg!("lines-empty") });
    }
    Ok(out)
}

/// Splits records of these sizes (each with whatever the call adds per record) into consecutive
/// batches within `limits`. A record larger than `max_bytes` gets a batch of its own (the API refuses it,
/// and says so).
pub fn batches(sizes: &[usize], limits: BatchLimits) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let (mut start, mut bytes) = (0, 0);
    for (i, &size) in sizes.iter().enumerate() {
        let full = i - start == limits.max_records || (i > start && bytes + size > limits.max_bytes);
        if full {
            out.push(start..i);
            start = i;
            bytes = 0;
        }
        bytes += size;
    }
    if start < sizes.len() {
        out.push(start..sizes.len());
    }
    out
}

/// The record numbers of a run's tags found in `text` (an object's content), in order of appearance;
/// a record delivered twice (Firehose delivers at least once) appears twice.
pub fn find_tags(text: &[u8], marker: &str) -> Vec<usize> {
    let needle = format!("{marker}#");
    memchr::memmem::find_iter(text, needle.as_bytes())
        .filter_map(|at| {
            let digits: Vec<u8> =
                text[at + needle.len()..].iter().take(9).take_while(|b| b.is_ascii_digit()).copied().collect();
            std::str::from_utf8(&digits).ok()?.parse().ok()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use rand::SeedableRng;

    fn rng() -> rand::rngs::StdRng {
        rand::rngs::StdRng::seed_from_u64(7)
    }

    #[test]
    fn markers_are_distinct_and_tag_records() {
        let at = Utc.with_ymd_and_hms(2026, 11, 30, 10, 43, 0).unwrap();
        let mut r = rng();
        let a = marker(at, &mut r);
        let b = marker(at, &mut r);
        assert!(a.starts_with("fwt-20261130T104300Z-") && a.len() == 27, "{a}");
        assert_ne!(a, b);
        assert_eq!(tag(&a, 7), format!("{a}#7"));
    }

    #[test]
    fn retail_records_have_the_workshop_fields_and_vary() {
        let at = Utc.with_ymd_and_hms(2026, 11, 30, 10, 43, 0).unwrap();
        let records = retail(40, "fwt-x", at, &mut rng());
        assert_eq!(records.len(), 40);
        for (i, r) in records.iter().enumerate() {
            let keys: Vec<&str> = r.as_object().unwrap().keys().map(String::as_str).collect();
            assert_eq!(
                keys,
                [
                    "Invoice",
                    "StockCode",
                    "Description",
                    "Quantity",
                    "InvoiceDate",
                    "Price",
                    "Customer_ID",
                    "Country",
                    MARKER_FIELD
                ]
            );
            assert_eq!(r["InvoiceDate"], "2026-11-30 10:43:00");
            assert_eq!(r[MARKER_FIELD], format!("fwt-x#{i}"));
            assert!(r["Quantity"].as_i64().unwrap() > 0 && r["Price"].as_f64().unwrap() > 0.0);
        }
        let distinct =
            |f: &str| records.iter().map(|r| r[f].to_string()).collect::<std::collections::HashSet<_>>().len();
        assert!(distinct("Invoice") > 5 && distinct("StockCode") > 5, "varied invoices and items");
        assert!((2..=4).contains(&distinct("Customer_ID")), "a few customers: {}", distinct("Customer_ID"));
        // several lines share an invoice, and they share its customer
        let first = &records[0];
        let same: Vec<_> = records.iter().filter(|r| r["Invoice"] == first["Invoice"]).collect();
        assert!(same.iter().all(|r| r["Customer_ID"] == first["Customer_ID"] && r["Country"] == first["Country"]));
    }

    #[test]
    fn encoding_adds_the_new_line_only_when_asked() {
        let v = json!({"a": 1});
        assert_eq!(encode(&v, true), b"{\"a\":1}\n");
        assert_eq!(encode(&v, false), b"{\"a\":1}");
    }

    #[test]
    fn json_lines_files() {
        let ok = json_lines(b"{\"a\":1}\r\n\n  \n[1,2]\n\"x\"", true, 100).unwrap();
        assert_eq!(ok, vec![b"{\"a\":1}\n".to_vec(), b"[1,2]\n".to_vec(), b"\"x\"\n".to_vec()]);
        assert_eq!(json_lines(b"{\"a\":1}\n", false, 100).unwrap(), vec![b"{\"a\":1}".to_vec()]);
        let e = json_lines(b"{\"a\":1}\n{\"a\":\n", true, 100).unwrap_err();
        assert_eq!(e.line, Some(2));
        assert!(e.to_string().starts_with("line 2: not one JSON value: EOF while parsing"), "{e}");
        let e = json_lines(b"1 2\n", true, 100).unwrap_err();
        assert!(e.to_string().contains("line 1: not one JSON value: trailing characters"), "{e}");
        let e = json_lines(b"\"\xff\"\n", true, 100).unwrap_err();
        assert_eq!(e.to_string(), "line 1: not UTF-8 text (byte 2)");
        let e = json_lines(b"[\"0123456789\"]\n", true, 14).unwrap_err();
        assert_eq!(e.to_string(), "line 1: 15 bytes with its new line; one record may have at most 14 bytes");
        assert!(json_lines(b"[\"0123456789\"]\n", false, 14).is_ok());
        assert_eq!(json_lines(b"\n\n", true, 15).unwrap_err().to_string(), "holds no records (every line is blank)");
    }

    #[test]
    fn batches_respect_count_and_bytes() {
        let limits = BatchLimits { max_records: 3, max_bytes: 10 };
        assert_eq!(batches(&[1; 7], limits), vec![0..3, 3..6, 6..7]);
        assert_eq!(batches(&[4, 4, 4, 4], limits), vec![0..2, 2..4]);
        assert_eq!(batches(&[11, 1, 10, 1], limits), vec![0..1, 1..2, 2..3, 3..4]);
        assert_eq!(batches(&[], limits), Vec::<Range<usize>>::new());
        // 10,000 records of the workshop's size: 20 calls of 500
        assert_eq!(batches(&[300; 10_000], FIREHOSE_BATCH).len(), 20);
        // 5 records of 1,000 KiB: four fit in 4 MiB
        let big = [FIREHOSE_MAX_RECORD; 5];
        assert_eq!(batches(&big, FIREHOSE_BATCH), vec![0..4, 4..5]);
    }

    #[test]
    fn tags_are_found_in_any_object() {
        let at = Utc.with_ymd_and_hms(2026, 11, 30, 10, 43, 0).unwrap();
        let records = retail(12, "fwt-m", at, &mut rng());
        let mut object: Vec<u8> = records.iter().flat_map(|r| encode(r, true)).collect();
        object.extend_from_slice(&encode(&records[3], true)); // delivered twice
        object.extend_from_slice(b"{\"firehose_wizard_test\":\"fwt-other#1\"}\n");
        let mut found = find_tags(&object, "fwt-m");
        assert_eq!(found.len(), 13);
        found.sort();
        found.dedup();
        assert_eq!(found, (0..12).collect::<Vec<_>>());
        assert!(find_tags(b"fwt-m#", "fwt-m").is_empty());
    }
}
