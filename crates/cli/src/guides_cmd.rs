//! `spendrein guides [QUERY]` and `spendrein guide ID`.

/// Lists guides, optionally filtered by a query.
pub fn list(args: &[String]) -> Result<(), String> {
    let query = args.join(" ").to_lowercase();
    for guide in guides::all() {
        if query.is_empty()
            || guide.name.to_lowercase().contains(&query)
            || guide.id.contains(&query)
        {
            println!("{:<24} {}", guide.id, guide.name);
        }
    }
    Ok(())
}

/// Prints one guide.
pub fn show(args: &[String]) -> Result<(), String> {
    let id = args.first().ok_or("usage: spendrein guide ID")?;
    let guide = guides::get(id)
        .ok_or_else(|| format!("no guide with id {id:?}; see `spendrein guides`"))?;
    println!("{}", guide.name);
    Ok(())
}
