#![no_main]
//! Plain-text statements: any bytes through decoding, pages, the table reconstruction, the CSV
//! reader of the converted text and the relabelling. Seed with `tests/data/text/*.txt`.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok((table, _)) = statement_layout::convert_text(data, &Default::default()) {
        // The converted text always reads, and every transaction maps back to a page line.
        let mut statement = statement::read(
            table.text.as_bytes(),
            &statement_layout::table_hints(&Default::default()),
        )
        .expect("the canonical text reads");
        statement_layout::relabel(&mut statement, &table);
        assert_eq!(statement.transactions.len() + 1, table.origins.len());
    }
});
