//! Parquet output: rows buffered into row groups and written column by column.
//!
//! Strings are UTF-8 byte arrays, integers INT64, floats DOUBLE, booleans
//! BOOLEAN, lists the standard three-level `LIST` group; every column is
//! optional, compression is Snappy.

use std::io::Write;
use std::sync::Arc;

use anyhow::{anyhow, bail, Context};
use parquet::basic::Compression;
use parquet::column::writer::ColumnWriter;
use parquet::data_type::ByteArray;
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::parser::parse_message_type;
use serde_json::Value;

use super::schema::{Column, Kind};

/// Rows per row group.
const ROW_GROUP: usize = 16_384;

/// The Parquet message type of a table.
pub fn message_type(name: &str, columns: &[Column]) -> String {
    let mut s = format!("message {name} {{\n");
    for c in columns {
        let field = match c.kind {
            Kind::Str => format!("  optional binary {} (UTF8);", c.name),
            Kind::Int => format!("  optional int64 {};", c.name),
            Kind::Float => format!("  optional double {};", c.name),
            Kind::Bool => format!("  optional boolean {};", c.name),
            Kind::StrList => {
                format!(
                    "  optional group {} (LIST) {{ repeated group list {{ optional binary element (UTF8); }} }}",
                    c.name
                )
            }
            Kind::IntList => {
                format!("  optional group {} (LIST) {{ repeated group list {{ optional int64 element; }} }}", c.name)
            }
        };
        s.push_str(&field);
        s.push('\n');
    }
    s.push('}');
    s
}

/// A Parquet file being written.
pub struct ParquetRows<W: Write + Send> {
    writer: SerializedFileWriter<W>,
    columns: &'static [Column],
    buffer: Vec<Value>,
}

impl<W: Write + Send> ParquetRows<W> {
    /// Starts a file with the table's schema.
    pub fn new(out: W, name: &str, columns: &'static [Column]) -> anyhow::Result<Self> {
        let schema = Arc::new(parse_message_type(&message_type(name, columns)).context("parquet schema")?);
        let props = Arc::new(WriterProperties::builder().set_compression(Compression::SNAPPY).build());
        let writer = SerializedFileWriter::new(out, schema, props).context("parquet writer")?;
        Ok(ParquetRows { writer, columns, buffer: Vec::new() })
    }

    /// Adds a row (a JSON object keyed by column name).
    pub fn push(&mut self, row: Value) -> anyhow::Result<()> {
        self.buffer.push(row);
        if self.buffer.len() >= ROW_GROUP {
            self.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> anyhow::Result<()> {
        if self.buffer.is_empty() {
            return Ok(());
        }
        let rows = std::mem::take(&mut self.buffer);
        let mut group = self.writer.next_row_group()?;
        let mut index = 0;
        while let Some(mut col) = group.next_column()? {
            let column = self.columns.get(index).ok_or_else(|| anyhow!("more parquet columns than the schema"))?;
            let values: Vec<&Value> = rows.iter().map(|r| r.get(column.name).unwrap_or(&Value::Null)).collect();
            write_column(col.untyped(), column, &values)?;
            col.close()?;
            index += 1;
        }
        group.close()?;
        Ok(())
    }

    /// Writes the last row group and the footer; returns the sink.
    pub fn finish(mut self) -> anyhow::Result<W> {
        self.flush()?;
        Ok(self.writer.into_inner()?)
    }
}

/// Definition levels and present values of an optional leaf.
fn optional<T>(
    values: &[&Value],
    get: impl Fn(&Value) -> Option<T>,
    column: &Column,
) -> anyhow::Result<(Vec<T>, Vec<i16>)> {
    let mut out = Vec::new();
    let mut defs = Vec::with_capacity(values.len());
    for v in values {
        if v.is_null() {
            defs.push(0);
            continue;
        }
        let Some(x) = get(v) else { bail!("column {}: {v} is not {:?}", column.name, column.kind) };
        out.push(x);
        defs.push(1);
    }
    Ok((out, defs))
}

/// Definition and repetition levels and present values of a `LIST` column.
fn list<T>(
    values: &[&Value],
    get: impl Fn(&Value) -> Option<T>,
    column: &Column,
) -> anyhow::Result<(Vec<T>, Vec<i16>, Vec<i16>)> {
    let (mut out, mut defs, mut reps) = (Vec::new(), Vec::new(), Vec::new());
    for v in values {
        match v {
            Value::Null => {
                defs.push(0);
                reps.push(0);
            }
            Value::Array(items) if items.is_empty() => {
                defs.push(1);
                reps.push(0);
            }
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    reps.push(if i == 0 { 0 } else { 1 });
                    if item.is_null() {
                        defs.push(2);
                    } else {
                        let Some(x) = get(item) else {
                            bail!("column {}: {item} is not {:?}", column.name, column.kind)
                        };
                        out.push(x);
                        defs.push(3);
                    }
                }
            }
            other => bail!("column {}: {other} is not a list", column.name),
        }
    }
    Ok((out, defs, reps))
}

/// Text of a value: strings as they are, anything else as JSON.
fn text(v: &Value) -> Option<ByteArray> {
    Some(match v {
        Value::String(s) => ByteArray::from(s.as_str()),
        other => ByteArray::from(other.to_string().as_str()),
    })
}

fn write_column(writer: &mut ColumnWriter<'_>, column: &Column, values: &[&Value]) -> anyhow::Result<()> {
    match (column.kind, writer) {
        (Kind::Str, ColumnWriter::ByteArrayColumnWriter(w)) => {
            let (v, d) = optional(values, text, column)?;
            w.write_batch(&v, Some(&d), None)?;
        }
        (Kind::Int, ColumnWriter::Int64ColumnWriter(w)) => {
            let (v, d) = optional(values, Value::as_i64, column)?;
            w.write_batch(&v, Some(&d), None)?;
        }
        (Kind::Float, ColumnWriter::DoubleColumnWriter(w)) => {
            let (v, d) = optional(values, Value::as_f64, column)?;
            w.write_batch(&v, Some(&d), None)?;
        }
        (Kind::Bool, ColumnWriter::BoolColumnWriter(w)) => {
            let (v, d) = optional(values, Value::as_bool, column)?;
            w.write_batch(&v, Some(&d), None)?;
        }
        (Kind::StrList, ColumnWriter::ByteArrayColumnWriter(w)) => {
            let (v, d, r) = list(values, text, column)?;
            w.write_batch(&v, Some(&d), Some(&r))?;
        }
        (Kind::IntList, ColumnWriter::Int64ColumnWriter(w)) => {
            let (v, d, r) = list(values, Value::as_i64, column)?;
            w.write_batch(&v, Some(&d), Some(&r))?;
        }
        (kind, _) => bail!("column {}: writer does not match {kind:?}", column.name),
    }
    Ok(())
}
