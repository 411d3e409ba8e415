//! How fast descriptor matching and search are, over every example descriptor in the guides.
//! Ignored by default (timings mean little in debug builds); run
//! `cargo test -p guides --release --test speed -- --ignored --nocapture`.

use std::time::Instant;

#[test]
#[ignore = "a measurement; run in release with --ignored"]
fn matching_and_search_speed() {
    // Decoding happens once, on first use; time it separately.
    let started = Instant::now();
    let guide_count = guides::all().len();
    println!(
        "first use (decode {guide_count} guides): {:?}",
        started.elapsed()
    );

    let mut descriptors: Vec<String> = guides::all()
        .iter()
        .flat_map(|guide| {
            guide
                .descriptors
                .examples
                .iter()
                .map(|example| (*example).to_owned())
        })
        .collect();
    descriptors.push("RECURRING PAYMENT AUTHORIZED ON 11/03 SOME UNKNOWN SHOP 1234 CA".to_owned());
    let rounds = 200;
    let started = Instant::now();
    let mut matched = 0usize;
    for _ in 0..rounds {
        for descriptor in &descriptors {
            matched +=
                usize::from(guides::match_descriptor(std::hint::black_box(descriptor)).is_some());
        }
    }
    let calls = rounds * descriptors.len();
    let elapsed = started.elapsed();
    println!(
        "match_descriptor: {calls} calls over {} descriptors, {:.0} ns per call",
        descriptors.len(),
        elapsed.as_nanos() as f64 / calls as f64
    );
    // Every example matches its guide (the validation test checks which), the extra line
    // matches nothing.
    assert_eq!(matched, rounds * (descriptors.len() - 1));

    // The worst case the statement readers let through: a 10,000-character description.
    let huge = "X ".repeat(5_000) + "NETFLIX.COM";
    let started = Instant::now();
    for _ in 0..rounds {
        assert!(guides::match_descriptor(std::hint::black_box(&huge)).is_some());
    }
    println!(
        "match_descriptor on a 10,000-character descriptor: {:.0} µs per call",
        started.elapsed().as_nanos() as f64 / rounds as f64 / 1000.0
    );

    let queries = [
        "netflix",
        "netflx",
        "disney plus",
        "openai",
        "spotfy",
        "google",
        "xyzzy",
        "prime video",
    ];
    let started = Instant::now();
    let mut found = 0usize;
    for _ in 0..rounds {
        for query in queries {
            found += guides::search(std::hint::black_box(query)).len();
        }
    }
    let calls = rounds * queries.len();
    println!(
        "search: {:.1} µs per query ({found} results in all)",
        started.elapsed().as_nanos() as f64 / calls as f64 / 1000.0
    );
    assert!(found > 0);
}
