//! What reading a page as the wrong type costs: data written by `tools/page_type_loss.py`
//! from every labelled page extracted once per reading. Row: the page's true type; column: the
//! type it is read as; value: the mean F1 lost against reading it as its true type.

/// The loss matrix, in the order of [`super::page_type_model::CLASSES`] on both axes.
#[rustfmt::skip]
pub(crate) const READING_LOSS: [[f32; 7]; 7] = [
    [0.0000, 0.0208, 0.0338, 0.0120, 0.0203, 0.0006, 0.0292],
    [0.1583, 0.0000, 0.0543, 0.1578, 0.0110, 0.1574, 0.0529],
    [0.0168, 0.0126, 0.0000, 0.0240, 0.0195, 0.0284, 0.0147],
    [0.1097, 0.0691, 0.0883, 0.0000, 0.0555, 0.0396, 0.0532],
    [0.2465, 0.0057, 0.0400, 0.2417, 0.0000, 0.2448, 0.0160],
    [0.0207, 0.0438, 0.0295, 0.0103, 0.0472, 0.0000, 0.0494],
    [0.0584, 0.0167, 0.0308, 0.0528, 0.0155, 0.0615, 0.0000],
];
