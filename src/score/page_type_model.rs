//! The page-type model's parameters: data written by `tools/train_page_type.py` (a
//! multinomial logistic regression on standardised features, fitted on wcxb-dev's typed pages
//! and the articles of scrapinghub and l3s-gn1, with every page also shown without its URL,
//! its declared types and its HTML5 tags; its figures cross-validated by site are in the
//! README). Each feature is named, and the model reads it by its name.
// Written as decimals: some have more digits than an f32 holds.
#![allow(clippy::excessive_precision)]

use crate::metadata::PageType;

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
    Weights { name: "articles", mean: 0.673275, scale: 0.979127, weights: [0.071510, 0.120099, -0.163048, -0.182854, 0.058098, 0.121886, -0.025691] },
    Weights { name: "chrome_share", mean: 0.293358, scale: 0.244011, weights: [-0.179273, -0.079837, -0.262712, 0.302461, -0.092171, 0.304353, 0.007180] },
    Weights { name: "class_article", mean: 1.500569, scale: 1.350373, weights: [0.739810, -0.059142, -0.417471, -0.304283, 0.547466, -0.234187, -0.272192] },
    Weights { name: "class_card", mean: 2.589563, scale: 2.024359, weights: [-0.130955, 0.269665, -0.102183, 0.014489, 0.183733, -0.376656, 0.141906] },
    Weights { name: "class_docs", mean: 0.684365, scale: 1.072130, weights: [-0.007125, -0.331023, 0.263896, 0.044892, -0.073324, 0.042217, 0.060466] },
    Weights { name: "class_forum", mean: 0.557003, scale: 1.118797, weights: [-0.462521, 0.044321, -0.492187, 1.158412, -0.052276, 0.250963, -0.446713] },
    Weights { name: "class_grid", mean: 0.795493, scale: 1.246226, weights: [0.073714, 0.278596, -0.302906, -0.077411, 0.153662, -0.287837, 0.162181] },
    Weights { name: "class_product", mean: 0.543488, scale: 1.278283, weights: [-0.273707, 0.392426, 0.102013, -0.176347, -0.154999, 0.700757, -0.590142] },
    Weights { name: "class_service", mean: 1.618469, scale: 1.451737, weights: [-0.320021, 0.024475, -0.132780, -0.176969, -0.088969, 0.234493, 0.459770] },
    Weights { name: "dates", mean: 1.590683, scale: 1.079708, weights: [-0.090887, -0.140019, 0.012320, 0.455930, -0.466816, 0.476491, -0.247017] },
    Weights { name: "group_dated", mean: 0.128588, scale: 0.299750, weights: [-0.021068, 0.178150, -0.163691, 0.080016, 0.555498, -0.176929, -0.451976] },
    Weights { name: "group_in_region", mean: 0.409259, scale: 0.491697, weights: [-0.366517, 0.031588, 0.078397, -0.220464, 0.248770, 0.482689, -0.254464] },
    Weights { name: "group_item_words", mean: 2.469012, scale: 2.016189, weights: [0.320427, -0.708204, 0.174606, 0.089627, -0.546065, 0.155037, 0.514571] },
    Weights { name: "group_items", mean: 1.409447, scale: 1.185394, weights: [-0.107766, 0.050845, -0.282696, -0.244624, 0.570104, 0.051967, -0.037830] },
    Weights { name: "group_links", mean: 0.179929, scale: 0.317974, weights: [0.234235, -0.001456, -0.115743, 0.181502, -0.014992, -0.000966, -0.282579] },
    Weights { name: "group_priced", mean: 0.055304, scale: 0.205118, weights: [0.358780, 0.167605, -0.068036, -0.117601, -0.012649, -0.373490, 0.045393] },
    Weights { name: "group_prose", mean: 0.786048, scale: 2.180319, weights: [0.335431, -0.042845, 0.533650, -0.114959, -0.198066, -0.070184, -0.443028] },
    Weights { name: "group_share", mean: 0.213383, scale: 0.278384, weights: [-0.313176, 0.380342, -0.036682, 0.221029, 0.208614, -0.476067, 0.015939] },
    Weights { name: "group_titled", mean: 0.400902, scale: 0.468285, weights: [-0.233860, 0.224927, -0.246113, 0.020385, 0.210839, 0.163262, -0.139439] },
    Weights { name: "groups", mean: 1.782133, scale: 0.843643, weights: [0.199534, 0.398424, 0.294558, -0.901450, -0.287041, -0.247776, 0.543752] },
    Weights { name: "heading_rate", mean: 1.233912, scale: 1.334095, weights: [-0.138765, 0.016650, -0.005849, -0.340809, -0.106855, 0.385362, 0.190266] },
    Weights { name: "hidden_share", mean: 0.039128, scale: 0.106563, weights: [-0.100740, -0.093715, 0.482895, -0.223832, -0.322931, 0.267615, -0.009292] },
    Weights { name: "ld_article", mean: 0.305025, scale: 0.460418, weights: [0.663088, -0.077800, -0.158834, -0.021415, -0.049837, 0.020166, -0.375368] },
    Weights { name: "ld_docs", mean: 0.004954, scale: 0.070210, weights: [-0.077599, -0.008935, 0.218839, 0.035351, -0.000192, -0.056625, -0.110840] },
    Weights { name: "ld_faq", mean: 0.048832, scale: 0.215517, weights: [0.258104, 0.255515, -0.208464, -0.161241, 0.023994, -0.382687, 0.214780] },
    Weights { name: "ld_forum", mean: 0.068648, scale: 0.252855, weights: [-0.269484, -0.285317, 0.129833, 0.867122, -0.334371, 0.083427, -0.191209] },
    Weights { name: "ld_list", mean: 0.113942, scale: 0.317741, weights: [0.082680, -0.051445, 0.131930, -0.207656, 0.323800, -0.374256, 0.094948] },
    Weights { name: "ld_offer", mean: 0.010616, scale: 0.102484, weights: [-0.405635, 0.280611, 0.140911, 0.069021, -0.175465, 0.073428, 0.017130] },
    Weights { name: "ld_product", mean: 0.066525, scale: 0.249198, weights: [-0.583069, -0.398845, 0.123327, 0.049081, -0.139455, 0.795712, 0.153250] },
    Weights { name: "ld_service", mean: 0.028309, scale: 0.165853, weights: [0.064883, -0.225340, -0.096932, -0.198796, 0.276725, -0.035269, 0.214730] },
    Weights { name: "link_share", mean: 0.258726, scale: 0.189798, weights: [0.004532, 0.302144, 0.373345, -0.093277, 0.121850, -0.237298, -0.471298] },
    Weights { name: "list_share", mean: 0.166544, scale: 0.171115, weights: [0.287817, -0.049133, 0.649442, -0.473872, -0.339482, 0.025750, -0.100523] },
    Weights { name: "og_article", mean: 0.510262, scale: 0.499895, weights: [0.668316, -0.489553, 0.305400, -0.252124, -0.254164, -0.050326, 0.072451] },
    Weights { name: "og_product", mean: 0.033970, scale: 0.181153, weights: [-0.780966, 0.329572, 0.117330, 0.046296, 0.056587, 0.488384, -0.257204] },
    Weights { name: "og_website", mean: 0.291578, scale: 0.454489, weights: [0.156851, -0.123433, 0.322895, 0.045504, -0.211465, -0.225727, 0.035376] },
    Weights { name: "outside_links", mean: 0.588601, scale: 0.252926, weights: [0.105628, -0.388504, -0.156866, -0.149982, 0.111749, 0.249696, 0.228278] },
    Weights { name: "pre_blocks", mean: 0.143809, scale: 0.648693, weights: [-0.205509, -0.343985, 0.737608, 0.004264, -0.544877, 0.068704, 0.283796] },
    Weights { name: "pre_share", mean: 0.008654, scale: 0.053388, weights: [0.219777, -0.031325, 0.105872, 0.221977, -0.228162, -0.061877, -0.226262] },
    Weights { name: "price_share", mean: 0.129374, scale: 0.286715, weights: [-0.206161, -0.023060, -0.077808, -0.337939, 0.494035, 0.208321, -0.057389] },
    Weights { name: "prices", mean: 0.490871, scale: 1.015663, weights: [0.184222, 0.812664, -0.791306, -0.375430, -0.409729, 0.306572, 0.273007] },
    Weights { name: "prose_share", mean: 0.603025, scale: 0.235174, weights: [0.475326, -0.480773, 0.515835, 0.488984, -0.850162, -0.139649, -0.009561] },
    Weights { name: "region_prose", mean: 5.964134, scale: 2.073567, weights: [0.653708, 0.533312, -0.119633, -0.042651, -0.683464, -0.062352, -0.278921] },
    Weights { name: "region_share", mean: 0.825160, scale: 0.271290, weights: [0.090894, -0.653336, 0.761298, -0.037548, 0.241040, -0.510128, 0.107781] },
    Weights { name: "sections", mean: 1.193431, scale: 1.104285, weights: [0.047563, -0.192871, 0.367620, -0.417390, -0.184542, 0.202405, 0.177216] },
    Weights { name: "short_share", mean: 0.184218, scale: 0.152794, weights: [-0.286215, 0.230454, -0.093718, 0.257690, 0.123547, -0.264194, 0.032437] },
    Weights { name: "text_commerce", mean: 0.301849, scale: 0.662017, weights: [-0.111468, 0.173055, -0.736582, -0.070927, 0.107027, 0.641088, -0.002193] },
    Weights { name: "text_docs", mean: 0.740595, scale: 0.743668, weights: [-0.033720, -0.062758, 0.703887, -0.155899, -0.199801, 0.301861, -0.553571] },
    Weights { name: "text_forum", mean: 0.651835, scale: 0.862671, weights: [0.284639, -1.141150, -0.052874, 0.878225, -0.233324, -0.075212, 0.339696] },
    Weights { name: "text_service", mean: 0.811347, scale: 0.779903, weights: [-0.027062, -0.111125, -0.242269, -0.284525, -0.201509, 0.172784, 0.693707] },
    Weights { name: "times", mean: 0.366590, scale: 0.823852, weights: [-0.118063, 0.214905, -0.344968, 0.278524, 0.141798, -0.034384, -0.137812] },
    Weights { name: "trusted", mean: 0.917593, scale: 0.274984, weights: [-0.350315, 0.276329, -0.442195, 0.035758, 0.214533, 0.150920, 0.114969] },
    Weights { name: "url_article", mean: 0.240569, scale: 0.427429, weights: [0.232202, 0.055176, -0.482213, 0.777841, -0.259642, -0.224870, -0.098494] },
    Weights { name: "url_collection", mean: 0.057651, scale: 0.233083, weights: [-0.270372, 0.495281, -0.402647, -0.023649, 0.080243, 0.054735, 0.066408] },
    Weights { name: "url_date", mean: 0.073310, scale: 0.260644, weights: [0.195317, -0.145702, 0.043083, -0.439660, 0.045420, 0.098949, 0.202594] },
    Weights { name: "url_depth", mean: 0.375208, scale: 0.200942, weights: [0.244417, -0.192073, 0.349995, 0.550438, -0.435776, -0.148222, -0.368779] },
    Weights { name: "url_docs", mean: 0.069039, scale: 0.253521, weights: [-0.160209, 0.166392, 0.406428, 0.088261, -0.105936, -0.060257, -0.334678] },
    Weights { name: "url_forum", mean: 0.075445, scale: 0.264108, weights: [-0.302181, 0.322500, -0.299374, 0.863771, -0.554478, 0.366503, -0.396741] },
    Weights { name: "url_listing", mean: 0.193594, scale: 0.395115, weights: [-0.071870, 0.057689, 0.125601, -0.203519, 0.486306, -0.197318, -0.196891] },
    Weights { name: "url_product", mean: 0.054804, scale: 0.227598, weights: [-0.218718, -0.115160, 0.244863, -0.314141, -0.321566, 0.790656, -0.065935] },
    Weights { name: "url_query", mean: 0.010676, scale: 0.102772, weights: [-0.306848, 0.005946, -0.088855, 0.158577, 0.310366, -0.073194, -0.005992] },
    Weights { name: "url_root", mean: 0.044840, scale: 0.206952, weights: [0.072621, 0.087121, -0.473052, 0.132913, 0.045969, -0.259057, 0.393486] },
    Weights { name: "url_service", mean: 0.027758, scale: 0.164279, weights: [-0.037775, -0.153966, -0.111186, -0.035901, 0.078145, -0.092426, 0.353109] },
    Weights { name: "url_slug_words", mean: 0.371886, scale: 0.271316, weights: [0.801196, -0.347091, -0.467174, 0.597263, -0.597067, 0.374920, -0.362046] },
    Weights { name: "words", mean: 7.120144, scale: 1.054219, weights: [-0.044882, -0.056389, 0.100087, -0.325737, 0.930815, -0.404488, -0.199406] },
];

/// Each type's bias.
#[rustfmt::skip]
pub(crate) const BIAS: [f32; 7] = [4.623902, -1.615440, -0.856343, -1.376816, 0.190528, -1.489472, 0.523641];
