//! The block scorer's weights: a linear model over named inputs.
//!
//! A block's score is `Σ weight × input` over the terms below (the bias's input is 1). The
//! weights are data, set by hand against the labelled sets' error analysis.
//! `tools/train_scorer.py` can fit them instead (logistic regression on the block inputs
//! dumped by `examples/dump_blocks.rs`, cross-validated by site) and rewrite this list with
//! `--write`; so far its cross-validated fit has scored below these weights (see the README).

use super::explain::Term;

/// The terms of the model, in input order, with their weights.
pub(crate) const WEIGHTS: &[(Term, f32)] = &[
    (Term::Bias, 0.0),
    (Term::InRegion, 1.0),
    (Term::OutsideRegion, -1.2),
    (Term::Lead, 1.5),
    (Term::ProseAbove, 1.3),
    (Term::OtherSection, 1.3),
    (Term::NoRegion, 0.0),
    (Term::ChromeCue, -1.5),
    (Term::LinkDensity, -2.0),
    (Term::Length, 0.3),
    (Term::Stopwords, 0.25),
    (Term::EndsSentence, 0.0),
    (Term::ShortAtEdge, -0.8),
    (Term::LooseLine, -1.5),
    (Term::Headline, -2.0),
    (Term::DateLine, 0.0),
    (Term::Credit, -1.0),
    (Term::ItemTitle, 2.0),
    (Term::AdLabel, -2.0),
    (Term::ControlLabel, -2.5),
    (Term::Heading, 0.0),
    (Term::ListItem, 0.3),
    (Term::TableRow, 0.3),
    (Term::Preformatted, 0.5),
    (Term::Quote, 0.2),
    (Term::Caption, -2.0),
    (Term::NeighboursInRegion, 0.0),
    (Term::Section, 2.0),
    (Term::Context, 0.6),
    (Term::Introduces, 2.0),
    (Term::CallToAction, -1.5),
    (Term::Paywall, -3.0),
    (Term::ConsentNotice, -3.0),
    (Term::CommentThread, -2.5),
    (Term::SlideCaption, -2.5),
    (Term::StoryPromo, -2.5),
    (Term::MetadataLine, -3.0),
    (Term::Hidden, -1.0),
    (Term::Item, 6.0),
    (Term::Template, -3.0),
];

/// The weight of `term` (0 for a term the model does not use).
pub(crate) fn weight(term: Term) -> f32 {
    WEIGHTS
        .iter()
        .find(|(t, _)| *t == term)
        .map_or(0.0, |&(_, w)| w)
}
