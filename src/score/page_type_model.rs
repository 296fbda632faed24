//! The page-type model's parameters: data written by `tools/train_page_type.py` (a
//! multinomial logistic regression on standardised features, fitted on wcxb-dev's typed pages
//! and the articles of scrapinghub and l3s-gn1, with every page also shown without its URL,
//! its declared types and its HTML5 tags; its figures cross-validated by site are in the
//! README). Each feature is named, and the model reads it by its name.
// Written as decimals: some have more digits than an f32 holds.
#![allow(clippy::excessive_precision)]

use super::page_type::PageType;

/// The types the model tells apart, in the order of each feature's weights.
pub(crate) const CLASSES: [PageType; 7] = [
    PageType::Article,
    PageType::Collection,
    PageType::Documentation,
    PageType::Forum,
    PageType::Listing,
    PageType::Product,
    PageType::Service,
];

/// One feature: its name, its mean and scale on the training pages that give its signal
/// (inputs are standardised), and its weight towards each of [`CLASSES`].
pub(crate) struct Weights {
    pub name: &'static str,
    pub mean: f32,
    pub scale: f32,
    pub weights: [f32; 7],
}

#[rustfmt::skip]
pub(crate) const FEATURES: &[Weights] = &[
    Weights { name: "articles", mean: 0.673275, scale: 0.979127, weights: [0.048440, 0.109069, -0.162301, -0.154668, 0.077504, 0.117750, -0.035793] },
    Weights { name: "chrome_share", mean: 0.294230, scale: 0.243714, weights: [-0.174385, -0.111704, -0.197763, 0.308514, -0.119051, 0.284975, 0.009414] },
    Weights { name: "class_article", mean: 1.504503, scale: 1.349691, weights: [0.735725, -0.082306, -0.426263, -0.275141, 0.554683, -0.226563, -0.280135] },
    Weights { name: "class_card", mean: 2.592325, scale: 2.022469, weights: [-0.141353, 0.260525, -0.104802, 0.014703, 0.212045, -0.379973, 0.138854] },
    Weights { name: "class_docs", mean: 0.685195, scale: 1.072293, weights: [-0.020844, -0.292287, 0.244685, 0.026405, -0.081494, 0.079401, 0.044135] },
    Weights { name: "class_forum", mean: 0.557324, scale: 1.118737, weights: [-0.463053, 0.005775, -0.456660, 1.152338, -0.039345, 0.244998, -0.444053] },
    Weights { name: "class_grid", mean: 0.795493, scale: 1.246226, weights: [0.064029, 0.303500, -0.315216, -0.074845, 0.135810, -0.270601, 0.157323] },
    Weights { name: "class_product", mean: 0.543488, scale: 1.278283, weights: [-0.269256, 0.367066, 0.107501, -0.192339, -0.135817, 0.695677, -0.572834] },
    Weights { name: "class_service", mean: 1.621139, scale: 1.450089, weights: [-0.324326, 0.055035, -0.129170, -0.163627, -0.116820, 0.222890, 0.456019] },
    Weights { name: "dates", mean: 1.597913, scale: 1.076337, weights: [-0.106443, -0.127790, -0.002118, 0.481356, -0.457870, 0.466820, -0.253955] },
    Weights { name: "group_dated", mean: 0.129745, scale: 0.300986, weights: [-0.010823, 0.145648, -0.139907, 0.079618, 0.546202, -0.167215, -0.453522] },
    Weights { name: "group_in_region", mean: 0.409722, scale: 0.491782, weights: [-0.376384, -0.061073, 0.110674, -0.148855, 0.242578, 0.489166, -0.256107] },
    Weights { name: "group_item_words", mean: 2.476738, scale: 2.013311, weights: [0.348897, -0.689717, 0.151825, 0.038495, -0.548198, 0.173724, 0.524975] },
    Weights { name: "group_items", mean: 1.413493, scale: 1.183743, weights: [-0.110571, 0.128003, -0.304573, -0.286224, 0.574470, 0.037876, -0.038981] },
    Weights { name: "group_links", mean: 0.181303, scale: 0.318648, weights: [0.221742, -0.015687, -0.091354, 0.183866, -0.029364, 0.000863, -0.270067] },
    Weights { name: "group_priced", mean: 0.055304, scale: 0.205118, weights: [0.366639, 0.171478, -0.060593, -0.124725, -0.046350, -0.354603, 0.048154] },
    Weights { name: "group_prose", mean: 0.786686, scale: 2.180167, weights: [0.325388, -0.022080, 0.514140, -0.135174, -0.163397, -0.063401, -0.455475] },
    Weights { name: "group_share", mean: 0.213675, scale: 0.278234, weights: [-0.309240, 0.353782, -0.029992, 0.227225, 0.252416, -0.515399, 0.021208] },
    Weights { name: "group_titled", mean: 0.402831, scale: 0.468456, weights: [-0.242482, 0.219336, -0.251439, 0.039520, 0.224108, 0.159226, -0.148268] },
    Weights { name: "groups", mean: 1.787746, scale: 0.836959, weights: [0.167199, 0.385154, 0.298740, -0.842500, -0.323177, -0.229562, 0.544146] },
    Weights { name: "heading_rate", mean: 1.236892, scale: 1.333973, weights: [-0.118768, 0.022816, -0.014441, -0.359187, -0.107858, 0.389508, 0.187931] },
    Weights { name: "hidden_share", mean: 0.039128, scale: 0.106563, weights: [-0.087686, -0.099110, 0.482253, -0.241441, -0.304955, 0.260759, -0.009821] },
    Weights { name: "ld_article", mean: 0.305025, scale: 0.460418, weights: [0.661487, -0.083384, -0.161428, -0.033428, -0.050950, 0.035162, -0.367459] },
    Weights { name: "ld_docs", mean: 0.004954, scale: 0.070210, weights: [-0.066059, -0.073996, 0.247040, 0.038280, 0.015862, -0.063263, -0.097864] },
    Weights { name: "ld_faq", mean: 0.048832, scale: 0.215517, weights: [0.249562, 0.255831, -0.213275, -0.145076, 0.027807, -0.380076, 0.205227] },
    Weights { name: "ld_forum", mean: 0.068648, scale: 0.252855, weights: [-0.270254, -0.276848, 0.128220, 0.862956, -0.329752, 0.073294, -0.187617] },
    Weights { name: "ld_list", mean: 0.113942, scale: 0.317741, weights: [0.079973, -0.041446, 0.129949, -0.198311, 0.310652, -0.364474, 0.083657] },
    Weights { name: "ld_offer", mean: 0.010616, scale: 0.102484, weights: [-0.412171, 0.283142, 0.144026, 0.072715, -0.175646, 0.066742, 0.021191] },
    Weights { name: "ld_product", mean: 0.066525, scale: 0.249198, weights: [-0.581670, -0.402586, 0.117044, 0.046078, -0.133829, 0.808331, 0.146631] },
    Weights { name: "ld_service", mean: 0.028309, scale: 0.165853, weights: [0.059439, -0.231597, -0.102805, -0.171450, 0.275799, -0.040574, 0.211188] },
    Weights { name: "link_share", mean: 0.259822, scale: 0.189243, weights: [0.069654, 0.359116, 0.353816, -0.140303, 0.069575, -0.255287, -0.456571] },
    Weights { name: "list_share", mean: 0.166846, scale: 0.170948, weights: [0.280828, -0.092774, 0.657787, -0.445976, -0.329400, 0.029980, -0.100445] },
    Weights { name: "og_article", mean: 0.510262, scale: 0.499895, weights: [0.657983, -0.439309, 0.295764, -0.236749, -0.280419, -0.054705, 0.057436] },
    Weights { name: "og_product", mean: 0.033970, scale: 0.181153, weights: [-0.785445, 0.340318, 0.100773, 0.033076, 0.080563, 0.478917, -0.248203] },
    Weights { name: "og_website", mean: 0.291578, scale: 0.454489, weights: [0.177605, -0.149544, 0.362655, -0.026719, -0.189829, -0.225562, 0.051394] },
    Weights { name: "outside_links", mean: 0.591235, scale: 0.250565, weights: [0.109653, -0.387571, -0.166339, -0.164965, 0.137544, 0.236281, 0.235397] },
    Weights { name: "pre_blocks", mean: 0.143809, scale: 0.648693, weights: [-0.215769, -0.334249, 0.730116, 0.013508, -0.520388, 0.047503, 0.279279] },
    Weights { name: "pre_share", mean: 0.008654, scale: 0.053388, weights: [0.214184, -0.037985, 0.101509, 0.225199, -0.214734, -0.059431, -0.228743] },
    Weights { name: "price_share", mean: 0.129563, scale: 0.286764, weights: [-0.209196, 0.022693, -0.083064, -0.328732, 0.473460, 0.188841, -0.064002] },
    Weights { name: "prices", mean: 0.491192, scale: 1.015617, weights: [0.192482, 0.753064, -0.789473, -0.386339, -0.393194, 0.334383, 0.289077] },
    Weights { name: "prose_share", mean: 0.605286, scale: 0.232384, weights: [0.516837, -0.576655, 0.547835, 0.518336, -0.816489, -0.133004, -0.056861] },
    Weights { name: "region_prose", mean: 6.053961, scale: 1.918769, weights: [0.622060, 0.741048, -0.133414, -0.235865, -0.876273, -0.022638, -0.094919] },
    Weights { name: "region_share", mean: 0.828580, scale: 0.266755, weights: [0.079515, -0.481922, 0.811641, 0.062668, -0.030146, -0.454586, 0.012829] },
    Weights { name: "sections", mean: 1.193431, scale: 1.104285, weights: [0.033098, -0.188603, 0.358924, -0.346645, -0.220183, 0.193610, 0.169800] },
    Weights { name: "short_share", mean: 0.184742, scale: 0.152426, weights: [-0.246197, 0.239634, -0.091610, 0.199210, 0.144659, -0.266879, 0.021182] },
    Weights { name: "text_commerce", mean: 0.302678, scale: 0.662228, weights: [-0.116990, 0.180033, -0.720774, -0.097606, 0.118786, 0.636250, 0.000301] },
    Weights { name: "text_docs", mean: 0.743508, scale: 0.743468, weights: [-0.034696, -0.076537, 0.710264, -0.131128, -0.207552, 0.297229, -0.557580] },
    Weights { name: "text_forum", mean: 0.653307, scale: 0.862269, weights: [0.283905, -1.196545, -0.036673, 0.923130, -0.240581, -0.082977, 0.349740] },
    Weights { name: "text_service", mean: 0.812309, scale: 0.779329, weights: [-0.047512, -0.073556, -0.262224, -0.272503, -0.206004, 0.177190, 0.684611] },
    Weights { name: "times", mean: 0.366590, scale: 0.823852, weights: [-0.119443, 0.216619, -0.334693, 0.262521, 0.153970, -0.037124, -0.141850] },
    Weights { name: "trusted", mean: 0.936574, scale: 0.243727, weights: [-0.255184, 0.005326, -0.479300, -0.059819, 0.640893, 0.073417, 0.074667] },
    Weights { name: "url_article", mean: 0.240569, scale: 0.427429, weights: [0.215442, 0.059844, -0.487587, 0.815535, -0.263416, -0.234167, -0.105651] },
    Weights { name: "url_collection", mean: 0.057651, scale: 0.233083, weights: [-0.278507, 0.480264, -0.408382, 0.006710, 0.086337, 0.045771, 0.067806] },
    Weights { name: "url_date", mean: 0.073310, scale: 0.260644, weights: [0.192547, -0.159077, 0.034835, -0.414868, 0.054357, 0.093553, 0.198653] },
    Weights { name: "url_depth", mean: 0.375208, scale: 0.200942, weights: [0.234459, -0.187875, 0.347651, 0.555161, -0.428699, -0.143319, -0.377378] },
    Weights { name: "url_docs", mean: 0.069039, scale: 0.253521, weights: [-0.157825, 0.155468, 0.412722, 0.095732, -0.102178, -0.072471, -0.331449] },
    Weights { name: "url_forum", mean: 0.075445, scale: 0.264108, weights: [-0.284074, 0.308001, -0.303893, 0.861231, -0.537362, 0.349864, -0.393767] },
    Weights { name: "url_listing", mean: 0.193594, scale: 0.395115, weights: [-0.063208, 0.047330, 0.115850, -0.213799, 0.515775, -0.209817, -0.192131] },
    Weights { name: "url_product", mean: 0.054804, scale: 0.227598, weights: [-0.215021, -0.138665, 0.239124, -0.292333, -0.297869, 0.768955, -0.064190] },
    Weights { name: "url_query", mean: 0.010676, scale: 0.102772, weights: [-0.306447, -0.010327, -0.090077, 0.166868, 0.321999, -0.076373, -0.005642] },
    Weights { name: "url_root", mean: 0.044840, scale: 0.206952, weights: [0.074342, 0.085610, -0.468348, 0.137495, 0.042274, -0.261582, 0.390210] },
    Weights { name: "url_service", mean: 0.027758, scale: 0.164279, weights: [-0.043028, -0.130671, -0.122790, -0.029657, 0.066370, -0.087277, 0.347054] },
    Weights { name: "url_slug_words", mean: 0.371886, scale: 0.271316, weights: [0.817284, -0.386240, -0.450541, 0.596548, -0.585373, 0.368114, -0.359792] },
    Weights { name: "words", mean: 7.144944, scale: 0.961537, weights: [0.032367, -0.120558, 0.134972, -0.310317, 0.971775, -0.450852, -0.257387] },
];

/// Each type's bias.
#[rustfmt::skip]
pub(crate) const BIAS: [f32; 7] = [4.621325, -1.594112, -0.861478, -1.394415, 0.187904, -1.476329, 0.517105];
