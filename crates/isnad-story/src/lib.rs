//! The story layer: near-duplicates (MinHash LSH), story clustering, timelines, figure series and contradictions.
