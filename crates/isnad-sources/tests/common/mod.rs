//! Fixtures shared by the integration tests: Arabic pages written for them.
#![allow(dead_code)]

/// The article paragraphs of [`page`].
pub const PARAS: [&str; 4] = [
    "أعلنت وزارة الزراعة اليوم عن خطة جديدة لدعم صغار المزارعين في المحافظات الجنوبية، تشمل توزيع بذور محسنة وتقديم قروض ميسرة بفائدة منخفضة لمدة خمس سنوات.",
    "وقال المتحدث باسم الوزارة في مؤتمر صحفي إن الخطة ستغطي نحو ثلاثة آلاف مزرعة في المرحلة الأولى، على أن تتوسع لاحقا لتشمل المناطق الشمالية بحلول نهاية العام المقبل.",
    "وأضاف أن الوزارة خصصت ميزانية قدرها مئة وعشرون مليون دينار للبرنامج، مشيرا إلى أن الأولوية ستكون للأسر التي تضررت من موجة الجفاف الأخيرة وارتفاع أسعار الأسمدة.",
    "من جهتهم، رحب ممثلو نقابة الفلاحين بالخطة، لكنهم طالبوا بتبسيط إجراءات الحصول على القروض وبإشراك الجمعيات المحلية في توزيع البذور لضمان وصولها إلى مستحقيها.",
];

/// A news page around [`PARAS`] with navigation, a sidebar and a footer;
/// `head` is inserted into `<head>`.
pub fn page(head: &str) -> String {
    let body: String = PARAS.iter().map(|p| format!("<p>{p}</p>\n")).collect();
    format!(
        r#"<!DOCTYPE html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>خطة لدعم المزارعين | جريدة الحقول</title>{head}</head>
<body>
<nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/sport">رياضة</a></li><li><a href="/eco">اقتصاد</a></li></ul></nav>
<div class="sidebar"><h3>الأكثر قراءة</h3><ul><li><a href="/1">خبر جانبي أول</a></li><li><a href="/2">خبر جانبي ثان</a></li></ul></div>
<article class="post"><h1>خطة لدعم المزارعين</h1>
<div class="entry-content">
{body}</div></article>
<footer><p>جميع الحقوق محفوظة &copy; جريدة الحقول</p></footer>
<script>var ads = "إعلان";</script>
</body></html>"#
    )
}
