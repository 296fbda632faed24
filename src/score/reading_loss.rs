//! What reading a page as the wrong type costs: data written by `tools/page_type_loss.py`
//! from every labelled page extracted once per reading. Row: the page's true type; column: the
//! type it is read as; value: the mean F1 lost against reading it as its true type.

/// The loss matrix, in the order of [`super::page_type_model::CLASSES`] on both axes.
#[rustfmt::skip]
pub(crate) const READING_LOSS: [[f32; 7]; 7] = [
    [0.0000, 0.0364, 0.0407, 0.0158, 0.0356, 0.0008, 0.0400],
    [0.1393, 0.0000, 0.0506, 0.1127, 0.0132, 0.1411, 0.0509],
    [0.0167, 0.0092, 0.0000, 0.0145, 0.0114, 0.0026, 0.0113],
    [0.1097, 0.0702, 0.0920, 0.0000, 0.0538, 0.0425, 0.0567],
    [0.2200, 0.0065, 0.0374, 0.2279, 0.0000, 0.2539, 0.0145],
    [0.0214, 0.0495, 0.0258, 0.0087, 0.0495, 0.0000, 0.0527],
    [0.0577, 0.0125, 0.0292, 0.0543, 0.0115, 0.0553, 0.0000],
];
