//! The page's language is an ISO 639-1 code or nothing, and it is right: fixtures in 26
//! languages and eleven scripts, each read with its `lang` attribute, with none, and with a
//! declaration that names no language.

use dechrome::extract;

/// (code, a short text of our own in that language).
const TEXTS: &[(&str, &str)] = &[
    ("en", "The town library will open on Sundays from next month. The council agreed to the change after residents had asked for it for years, and the staff will be paid for the extra hours."),
    ("de", "Die Stadtbibliothek wird ab dem nächsten Monat auch am Sonntag geöffnet sein. Der Gemeinderat hat der Änderung zugestimmt, nachdem die Bürger jahrelang darum gebeten hatten, und das Personal wird für die zusätzlichen Stunden bezahlt."),
    ("fr", "La bibliothèque municipale sera ouverte le dimanche à partir du mois prochain. Le conseil a approuvé ce changement après des années de demandes des habitants, et le personnel sera payé pour les heures supplémentaires."),
    ("es", "La biblioteca municipal abrirá los domingos a partir del próximo mes. El ayuntamiento aprobó el cambio después de que los vecinos lo pidieran durante años, y el personal cobrará las horas extra."),
    ("it", "La biblioteca comunale sarà aperta la domenica a partire dal mese prossimo. Il consiglio ha approvato il cambiamento dopo che i cittadini lo avevano chiesto per anni, e il personale sarà pagato per le ore in più."),
    ("pt", "A biblioteca municipal vai abrir aos domingos a partir do próximo mês. A câmara aprovou a mudança depois de os moradores a terem pedido durante anos, e os funcionários serão pagos pelas horas extraordinárias."),
    ("nl", "De stadsbibliotheek gaat vanaf volgende maand ook op zondag open. De gemeenteraad stemde in met de wijziging nadat de inwoners er jarenlang om hadden gevraagd, en het personeel wordt betaald voor de extra uren."),
    ("pl", "Biblioteka miejska będzie otwarta w niedziele od przyszłego miesiąca. Rada miasta zgodziła się na tę zmianę po tym, jak mieszkańcy prosili o nią od lat, a pracownicy otrzymają wynagrodzenie za dodatkowe godziny."),
    ("ru", "Городская библиотека будет открыта по воскресеньям со следующего месяца. Совет одобрил это изменение после того, как жители годами просили об этом, а сотрудникам заплатят за дополнительные часы."),
    ("uk", "Міська бібліотека буде відкрита щонеділі з наступного місяця. Рада схвалила цю зміну після того, як мешканці роками просили про це, а працівникам заплатять за додаткові години."),
    ("tr", "Şehir kütüphanesi önümüzdeki aydan itibaren pazar günleri de açık olacak. Belediye meclisi, sakinlerin yıllardır istemesinin ardından bu değişikliği onayladı ve çalışanlara fazla saatleri için ödeme yapılacak."),
    ("sv", "Stadsbiblioteket kommer att hålla öppet på söndagar från och med nästa månad. Kommunfullmäktige godkände ändringen efter att invånarna hade bett om det i flera år, och personalen får betalt för de extra timmarna."),
    ("fi", "Kaupunginkirjasto on ensi kuusta alkaen auki myös sunnuntaisin. Kaupunginvaltuusto hyväksyi muutoksen, kun asukkaat olivat pyytäneet sitä vuosien ajan, ja henkilökunnalle maksetaan lisätunneista."),
    ("hu", "A városi könyvtár a jövő hónaptól vasárnap is nyitva lesz. A képviselő-testület jóváhagyta a változást, miután a lakók évek óta kérték, és a dolgozók fizetést kapnak a többletórákért."),
    ("cs", "Městská knihovna bude od příštího měsíce otevřena i v neděli. Zastupitelstvo změnu schválilo poté, co o ni obyvatelé léta žádali, a zaměstnanci dostanou zaplaceno za hodiny navíc."),
    ("ro", "Biblioteca orașului va fi deschisă duminica începând de luna viitoare. Consiliul a aprobat schimbarea după ce locuitorii au cerut-o ani de zile, iar personalul va fi plătit pentru orele suplimentare."),
    ("el", "Η δημοτική βιβλιοθήκη θα είναι ανοιχτή τις Κυριακές από τον επόμενο μήνα. Το συμβούλιο ενέκρινε την αλλαγή αφού οι κάτοικοι το ζητούσαν για χρόνια, και το προσωπικό θα πληρωθεί για τις επιπλέον ώρες."),
    ("he", "הספרייה העירונית תהיה פתוחה בימי ראשון החל מהחודש הבא. המועצה אישרה את השינוי לאחר שהתושבים ביקשו זאת במשך שנים, והעובדים יקבלו תשלום על השעות הנוספות."),
    ("ar", "ستفتح المكتبة العامة أبوابها أيام الأحد ابتداء من الشهر المقبل. وقد وافق المجلس على هذا التغيير بعد أن طالب به السكان لسنوات، وسيحصل الموظفون على أجر عن الساعات الإضافية."),
    ("hi", "नगर पुस्तकालय अगले महीने से रविवार को भी खुला रहेगा। परिषद ने यह बदलाव तब मंजूर किया जब निवासी वर्षों से इसकी माँग कर रहे थे, और कर्मचारियों को अतिरिक्त घंटों का भुगतान किया जाएगा।"),
    ("th", "ห้องสมุดเมืองจะเปิดให้บริการในวันอาทิตย์ตั้งแต่เดือนหน้าเป็นต้นไป สภาเมืองอนุมัติการเปลี่ยนแปลงนี้หลังจากที่ประชาชนร้องขอมาหลายปี และเจ้าหน้าที่จะได้รับค่าจ้างสำหรับชั่วโมงที่เพิ่มขึ้น"),
    ("ko", "시립 도서관은 다음 달부터 일요일에도 문을 엽니다. 시의회는 주민들이 수년 동안 요청해 온 끝에 이 변경을 승인했으며, 직원들은 추가 근무 시간에 대해 급여를 받게 됩니다."),
    ("ja", "市立図書館は来月から日曜日も開館します。市議会は、住民が何年も前から求めていたこの変更を承認し、職員には追加の勤務時間分の給与が支払われます。"),
    ("zh", "市图书馆将从下个月起在星期日开放。市议会在居民多年来一再要求之后批准了这一变化，工作人员的额外工时也将得到报酬。"),
    ("vi", "Thư viện thành phố sẽ mở cửa vào các ngày chủ nhật bắt đầu từ tháng sau. Hội đồng đã thông qua thay đổi này sau khi người dân đề nghị trong nhiều năm, và nhân viên sẽ được trả lương cho những giờ làm thêm."),
    ("id", "Perpustakaan kota akan buka pada hari Minggu mulai bulan depan. Dewan kota menyetujui perubahan itu setelah warga memintanya selama bertahun-tahun, dan para pegawai akan dibayar untuk jam kerja tambahan."),
];

fn page(lang_attr: Option<&str>, text: &str) -> String {
    let attr = lang_attr.map_or(String::new(), |l| format!(" lang=\"{l}\""));
    format!(
        "<html{attr}><head><title>Library</title></head><body><article>\
         <p>{text}</p><p>{text}</p></article></body></html>"
    )
}

#[test]
fn every_fixture_language_is_detected_without_a_declaration() {
    let mut wrong = Vec::new();
    for (code, text) in TEXTS {
        let doc = extract(&page(None, text)).expect("ok");
        if doc.metadata.language.as_deref() != Some(code) {
            wrong.push(format!("{code}: {:?}", doc.metadata.language));
        }
    }
    assert!(wrong.is_empty(), "misdetected: {}", wrong.join(", "));
}

#[test]
fn a_valid_declaration_wins_and_an_invalid_one_gives_way_to_detection() {
    for (code, text) in TEXTS {
        let declared = extract(&page(Some(&format!("{code}-XX")), text)).expect("ok");
        assert_eq!(declared.metadata.language.as_deref(), Some(*code));
        for junk in ["lang=", "deutsch, german", "xx"] {
            let doc = extract(&page(Some(junk), text)).expect("ok");
            let want = if junk.starts_with("deutsch") {
                "de"
            } else {
                code
            };
            assert_eq!(
                doc.metadata.language.as_deref(),
                Some(want),
                "{code} with {junk:?}"
            );
        }
    }
}

#[test]
fn the_language_is_always_an_iso_639_1_code_or_nothing() {
    for text in ["", "12 34 56", "Home | News | Sport", "lorem"] {
        let doc = extract(&page(Some("english-ish, maybe"), text)).expect("ok");
        if let Some(l) = doc.metadata.language.as_deref() {
            assert!(
                l.len() == 2 && l.bytes().all(|b| b.is_ascii_lowercase()),
                "{l:?}"
            );
        }
    }
}
