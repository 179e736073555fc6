//! Browser tests of the widget's components: mount, act, let the scheduler run once, read the DOM.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use contract_fit::model::Config;
use contract_fit::ui::{Widget, WidgetProps};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, EventInit, HtmlInputElement, HtmlSelectElement, InputEvent, InputEventInit};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Mounts a widget with the default config into a fresh element and waits for its first render.
async fn mount(storage_key: &str) -> Element {
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    let props = WidgetProps {
        config: Rc::new(Config::shipped()),
        id_prefix: storage_key.to_string().into(),
        heading_level: 2,
        storage_key: Some(storage_key.to_string().into()),
        read_fragment: false,
        events: Default::default(),
        owner_notes: Vec::new(),
        logo_base: None,
    };
    yew::Renderer::<Widget>::with_root_and_props(root.clone(), props).render();
    settle().await;
    root
}

/// Lets the widget finish drawing: the first render (after `embed::mount` reads the config), the fit
/// questions and the sections below the first screen each come in a task of their own (a
/// zero-delay timer), so wait a task and let the scheduler run, three times.
async fn settle() {
    yew::scheduler::flush().await;
    for _ in 0..3 {
        next_task().await;
        yew::scheduler::flush().await;
    }
}

/// Lets the widget redraw after the prospect acted: what the first screen shows changes in the
/// same task, the sections below it a task later.
async fn updated() {
    yew::scheduler::flush().await;
    next_task().await;
    yew::scheduler::flush().await;
}

/// Waits for a zero-delay timer, the way the widget schedules its later work.
async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn find(root: &Element, selector: &str) -> Option<Element> {
    root.query_selector(selector).unwrap()
}

fn text(root: &Element, selector: &str) -> String {
    find(root, selector).and_then(|e| e.text_content()).unwrap_or_default()
}

fn all_text(root: &Element, selector: &str) -> Vec<String> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length()).filter_map(|i| list.item(i)).filter_map(|n| n.text_content()).collect()
}

async fn type_into(root: &Element, name: &str, value: &str) {
    let input: HtmlInputElement = find(root, &format!("input[name='{name}']")).unwrap().unchecked_into();
    input.set_value(value);
    let init = InputEventInit::new();
    init.set_bubbles(true);
    input.dispatch_event(&InputEvent::new_with_event_init_dict("input", &init).unwrap()).unwrap();
    updated().await;
}

async fn click(root: &Element, selector: &str) {
    let el: web_sys::HtmlElement = find(root, selector).unwrap().unchecked_into();
    el.click();
    updated().await;
}

/// Picks option `index` of every fit question.
async fn answer_all(root: &Element, index: usize) {
    let questions = root.query_selector_all(".cf-question").unwrap();
    for q in 0..questions.length() {
        let q: Element = questions.item(q).unwrap().unchecked_into();
        let radios = q.query_selector_all("input[type=radio]").unwrap();
        let radio: web_sys::HtmlElement = radios.item(index as u32).unwrap().unchecked_into();
        radio.click();
    }
    updated().await;
}

async fn size_twenty(root: &Element) {
    type_into(root, "users", "20").await;
    type_into(root, "computers", "22").await;
    type_into(root, "servers", "2").await;
}

#[wasm_bindgen_test]
async fn typing_counts_reprices_every_plan() {
    let root = mount("t-prices").await;
    size_twenty(&root).await;
    assert_eq!(all_text(&root, ".cf-plan__monthly"), vec!["$2,000.00", "$2,700.00", "$3,550.00"]);
    let lines = all_text(&root, ".cf-plan:first-child .cf-breakdown__line--part");
    assert_eq!(lines, vec!["20 people × $85.00$1,700.00", "2 servers × $150.00$300.00"]);
}

#[wasm_bindgen_test]
async fn a_bad_count_is_named_on_its_field_and_the_last_results_stay() {
    let root = mount("t-invalid").await;
    size_twenty(&root).await;
    for (typed, message) in [
        ("abc", "Please enter a whole number from 1 to 10,000, using digits."),
        ("-3", "Please enter a number from 1 to 10,000."),
        ("2.5", "Please enter a whole number from 1 to 10,000, using digits."),
        ("", "Please enter a number."),
        ("99999999", "Please enter a number from 1 to 10,000."),
    ] {
        type_into(&root, "users", typed).await;
        assert_eq!(text(&root, ".cf-field--invalid .cf-error"), message, "for {typed:?}");
        let input = find(&root, "input[name='users']").unwrap();
        assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
        assert_eq!(input.unchecked_into::<HtmlInputElement>().value(), typed, "what was typed stays");
        assert_eq!(all_text(&root, ".cf-plan__monthly")[0], "$2,000.00");
        assert_eq!(
            text(&root, ".cf-notice--kept"),
            "Showing the results for 20 people, 22 computers and 2 servers — fix the highlighted field."
        );
        let page = root.text_content().unwrap();
        assert!(!page.contains("NaN") && !page.contains("undefined"));
    }
    type_into(&root, "users", "30").await;
    assert!(find(&root, ".cf-field--invalid").is_none());
    assert!(find(&root, ".cf-notice--kept").is_none());
    assert_eq!(all_text(&root, ".cf-plan__monthly")[0], "$2,850.00");
}

#[wasm_bindgen_test]
async fn while_a_field_is_invalid_nothing_can_be_sent_and_only_valid_answers_are_saved() {
    let root = mount("t-blocked").await;
    size_twenty(&root).await;
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    let saved = || storage.get_item("contract-fit:v1:t-blocked").unwrap().unwrap_or_default();
    assert!(saved().contains("\"users\":\"20\""));
    assert!(find(&root, ".cf-next button[disabled]").is_none());
    assert!(find(&root, ".cf-next a[href^='mailto:']").is_some());
    for typo in ["1O", "1e9", "1000000000"] {
        type_into(&root, "users", typo).await;
        assert_eq!(root.query_selector_all(".cf-next .cf-actions button[disabled]").unwrap().length(), 3, "copy, print and share wait for {typo:?}");
        let email = find(&root, ".cf-next a.cf-button--primary").unwrap();
        assert_eq!(email.get_attribute("aria-disabled").as_deref(), Some("true"));
        assert_eq!(email.get_attribute("href"), None);
        assert_eq!(text(&root, ".cf-next .cf-notice"), "Fix the highlighted field first: until then there is nothing to send.");
        assert!(saved().contains("\"users\":\"20\""), "the saved answers keep 20 people while {typo:?} is typed");
        assert_eq!(all_text(&root, ".cf-plan__monthly")[0], "$2,000.00");
    }
    type_into(&root, "users", "12").await;
    assert!(find(&root, ".cf-next button[disabled]").is_none());
    assert!(find(&root, ".cf-next a[href^='mailto:']").is_some());
    assert!(saved().contains("\"users\":\"12\""));
}

#[wasm_bindgen_test]
async fn one_of_anything_reads_in_the_singular() {
    let root = mount("t-singular").await;
    type_into(&root, "users", "1").await;
    type_into(&root, "computers", "1").await;
    type_into(&root, "servers", "1").await;
    let first_plan = all_text(&root, ".cf-plan:first-child .cf-breakdown__line--part dt");
    assert_eq!(first_plan, vec!["1 person × $85.00", "1 server × $150.00"]);
    let options = all_text(&root, "select option");
    assert!(options.contains(&"Within 1 hour".to_string()), "{options:?}");
    assert!(options.contains(&"Within 4 hours".to_string()), "{options:?}");
    let responses = all_text(&root, ".cf-plan__response");
    assert_eq!(responses, vec!["Guaranteed response within 8 hours", "Guaranteed response within 4 hours", "Guaranteed response within 1 hour"]);
}

#[wasm_bindgen_test]
async fn fit_waits_for_answers_then_recommends_a_plan_or_pay_per_job() {
    let root = mount("t-fit").await;
    size_twenty(&root).await;
    assert!(find(&root, ".cf-fit--pending").is_some());
    assert!(find(&root, ".cf-plan--recommended").is_none());
    let live = find(&root, ".cf-live[aria-live=polite]").expect("a polite live region");
    assert_eq!(
        live.text_content().unwrap(),
        "Updated: 0 of 6 answered — 6 more to see whether a contract suits you. If a contract suits you: Essential, $2,000.00 a month."
    );
    assert_eq!(text(&root, ".cf-recommend__condition"), "If a contract suits you");

    // Five answers against a contract: still no verdict, and no "pay per job" either.
    let questions = root.query_selector_all(".cf-question").unwrap();
    for q in 0..5 {
        let q: Element = questions.item(q).unwrap().unchecked_into();
        q.query_selector_all("input[type=radio]").unwrap().item(2).unwrap().unchecked_into::<web_sys::HtmlElement>().click();
    }
    updated().await;
    assert_eq!(text(&root, ".cf-fit__progress"), "5 of 6 answered — 1 more to see whether a contract suits you.");
    assert!(find(&root, ".cf-fit__band").is_none());
    assert!(find(&root, ".cf-reasons__group").is_none());
    assert!(find(&root, ".cf-recommend--plan").is_some());
    let said = live.text_content().unwrap();
    assert!(said.starts_with("Updated: 5 of 6 answered") && !said.contains("Not a fit") && !said.contains("pay per job"), "{said}");

    answer_all(&root, 0).await;
    assert_eq!(live.text_content().unwrap(), "Updated: Strong fit. Recommended: Essential, $2,000.00 a month.");
    assert_eq!(text(&root, ".cf-fit__band"), "Strong fit");
    assert!(find(&root, ".cf-recommend--plan").is_some());
    assert_eq!(all_text(&root, ".cf-reasons__group--for li").len(), 6);
    assert_eq!(text(&root, ".cf-plan--recommended .cf-plan__name"), "Essential");

    answer_all(&root, 2).await;
    assert_eq!(text(&root, ".cf-fit__band"), "Not a fit yet");
    assert!(find(&root, ".cf-recommend--payg").is_some());
    assert!(text(&root, ".cf-recommend").contains("Pay per job, for now"));
    assert!(find(&root, ".cf-plan--recommended").is_none());
    assert_eq!(all_text(&root, ".cf-reasons__group--against li").len(), 6);
}

#[wasm_bindgen_test]
async fn a_required_response_picks_the_cheapest_plan_fast_enough() {
    let root = mount("t-response").await;
    answer_all(&root, 0).await;
    let select: HtmlSelectElement = find(&root, "select").unwrap().unchecked_into();
    select.set_value("1");
    let init = EventInit::new();
    init.set_bubbles(true);
    select.dispatch_event(&web_sys::Event::new_with_event_init_dict("change", &init).unwrap()).unwrap();
    updated().await;
    assert_eq!(text(&root, ".cf-plan--recommended .cf-plan__name"), "Premium");
    assert!(text(&root, ".cf-recommend").contains("responds as fast as you need"));
}

#[wasm_bindgen_test]
async fn a_config_may_give_its_verdict_after_fewer_answers() {
    let host = mount_embedded(Some(r#"{"min_answers": 3}"#), &[]).await;
    let questions = host.query_selector_all(".cf-question").unwrap();
    let pick = |q: u32| {
        let q: Element = questions.item(q).unwrap().unchecked_into();
        q.query_selector("input[type=radio]").unwrap().unwrap().unchecked_into::<web_sys::HtmlElement>().click();
    };
    pick(0);
    pick(1);
    updated().await;
    assert_eq!(text(&host, ".cf-fit__progress"), "2 of 6 answered — 1 more to see whether a contract suits you.");
    assert!(find(&host, ".cf-fit__band").is_none());
    pick(2);
    updated().await;
    assert_eq!(text(&host, ".cf-fit__band"), "Strong fit");
    assert_eq!(text(&host, ".cf-fit .cf-help"), "Based on 3 of 6 questions.");
    assert!(text(&host, ".cf-live").starts_with("Updated: Strong fit."));
}

#[wasm_bindgen_test]
async fn an_existing_client_sees_the_discount_in_the_breakdown() {
    let root = mount("t-client").await;
    size_twenty(&root).await;
    assert!(find(&root, ".cf-breakdown__line--discount").is_none());
    click(&root, "input[type=checkbox]").await;
    assert_eq!(all_text(&root, ".cf-plan__monthly")[0], "$1,900.00");
    assert_eq!(
        all_text(&root, ".cf-plan:first-child .cf-breakdown__line--discount"),
        vec!["Existing-client discount (5%)−$100.00"]
    );
}

#[wasm_bindgen_test]
async fn the_comparison_shows_guaranteed_against_unguaranteed_response() {
    let root = mount("t-compare").await;
    size_twenty(&root).await;
    let response = all_text(&root, ".cf-compare__response td");
    assert_eq!(response, vec!["Guaranteed within 8 h", "Not guaranteed, typically 24 h"]);
    let emergency = all_text(&root, ".cf-compare__emergency td");
    assert_eq!(emergency, vec!["Included", "$225.00 ($150.00 × 1.5)"]);
    click(&root, ".cf-pill:nth-of-type(3) input").await;
    assert!(text(&root, ".cf-table thead").contains("Premium contract"));
}

#[wasm_bindgen_test]
async fn the_chart_marks_a_break_even_point_per_plan() {
    let root = mount("t-chart").await;
    size_twenty(&root).await;
    assert_eq!(root.query_selector_all(".cf-chart__point").unwrap().length(), 3);
    let hours = |root: &Element| {
        let points = root.query_selector_all(".cf-chart__point").unwrap();
        (0..points.length())
            .map(|i| points.item(i).unwrap().unchecked_into::<Element>().get_attribute("data-hours").unwrap())
            .collect::<Vec<_>>()
    };
    // Counting downtime by default, support work only on the switch: the quoted break-evens.
    assert_eq!(hours(&root), vec!["52.0", "60.4", "71.9"]);
    click(&root, ".cf-chart .cf-pill:nth-of-type(2) input").await;
    assert_eq!(hours(&root), vec!["148.8", "200.9", "264.2"]);
    let rows = all_text(&root, ".cf-chart__table tbody th");
    assert_eq!(rows, vec!["Essential", "Priority", "Premium", "Pay as you go"]);
}

#[wasm_bindgen_test]
async fn saved_answers_are_restored_and_corrupt_ones_ignored() {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.set_item("contract-fit:v1:t-saved", r#"{"users":"42","computers":"40","servers":"3","existing_client":true,"choices":{"payment":0}}"#).unwrap();
    let root = mount("t-saved").await;
    let users: HtmlInputElement = find(&root, "input[name='users']").unwrap().unchecked_into();
    assert_eq!(users.value(), "42");
    assert!(find(&root, ".cf-breakdown__line--discount").is_some());

    storage.set_item("contract-fit:v1:t-corrupt", "{not json").unwrap();
    let root = mount("t-corrupt").await;
    let users: HtmlInputElement = find(&root, "input[name='users']").unwrap().unchecked_into();
    assert_eq!(users.value(), "10");
}

#[wasm_bindgen_test]
async fn start_over_clears_answers_and_storage() {
    let root = mount("t-reset").await;
    size_twenty(&root).await;
    answer_all(&root, 0).await;
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    assert!(storage.get_item("contract-fit:v1:t-reset").unwrap().unwrap().contains("\"20\""));
    click(&root, ".cf-button--quiet").await;
    let users: HtmlInputElement = find(&root, "input[name='users']").unwrap().unchecked_into();
    assert_eq!(users.value(), "10");
    assert!(find(&root, ".cf-fit--pending").is_some());
    assert_eq!(text(&root, ".cf-next .cf-said"), "Your answers were cleared.");
    assert!(!storage.get_item("contract-fit:v1:t-reset").unwrap().unwrap_or_default().contains("\"20\""));

    // "Undo", beside "Start over", brings them back and saves them again.
    let undo = root_button(&root, "Undo");
    undo.click();
    updated().await;
    let users: HtmlInputElement = find(&root, "input[name='users']").unwrap().unchecked_into();
    assert_eq!(users.value(), "20");
    assert_eq!(text(&root, ".cf-fit__band"), "Strong fit");
    assert_eq!(text(&root, ".cf-next .cf-said"), "Your answers are back.");
    assert!(storage.get_item("contract-fit:v1:t-reset").unwrap().unwrap().contains("\"users\":\"20\""));
    assert!(root.query_selector_all(".cf-button--quiet").unwrap().length() == 1, "Undo is gone once used");
}

/// Mounts through the embedding entry point, as the page's loader does.
async fn mount_embedded(config: Option<&str>, options: &[(&str, wasm_bindgen::JsValue)]) -> Element {
    let host = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&host).unwrap();
    let opts = js_sys::Object::new();
    js_sys::Reflect::set(&opts, &"storageKey".into(), &wasm_bindgen::JsValue::NULL).unwrap();
    js_sys::Reflect::set(&opts, &"readFragment".into(), &false.into()).unwrap();
    for (k, v) in options {
        js_sys::Reflect::set(&opts, &(*k).into(), v).unwrap();
    }
    contract_fit::ui::embed::mount(host.clone(), config.map(str::to_string), opts.into());
    settle().await;
    host
}

#[wasm_bindgen_test]
async fn an_invalid_config_shows_the_site_owner_every_problem() {
    let host = mount_embedded(
        Some(r#"{"rates": {"hourly": -5}, "plans": [], "texts": {"nope": "x"}}"#),
        &[("configSource", "/configs/acme.json".into()), ("debug", true.into())],
    )
    .await;
    assert!(find(&host, ".cf-config-error[role=alert]").is_some());
    assert_eq!(text(&host, ".cf-config-error .cf-help code"), "/configs/acme.json");
    assert_eq!(
        all_text(&host, ".cf-config-error li"),
        vec![
            "rates.hourly: must be >= 0, got -5",
            "plans: must list at least one entry",
            "texts.nope: unknown text key \"nope\"",
        ]
    );
    assert!(find(&host, ".cf-plan").is_none(), "no calculator on a broken config");

    let host = mount_embedded(Some("{ not json"), &[("debug", true.into())]).await;
    assert!(text(&host, ".cf-config-error li").starts_with("is not valid JSON: expected a field name in double quotes at line 1 column 3"));
}

#[wasm_bindgen_test]
async fn a_config_that_cannot_be_loaded_says_where_and_why() {
    let host = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&host).unwrap();
    let owner = js_sys::Object::new();
    js_sys::Reflect::set(&owner, &"debug".into(), &true.into()).unwrap();
    contract_fit::ui::embed::mount_load_error(host.clone(), "/my-config.json".into(), "the server answered 404 Not Found".into(), owner.into());
    updated().await;
    assert_eq!(
        text(&host, ".cf-config-error li"),
        "The configuration file /my-config.json could not be loaded: the server answered 404 Not Found."
    );
}

#[wasm_bindgen_test]
async fn a_visitor_meets_a_way_forward_never_the_problem_list() {
    let host = mount_embedded(
        Some(r#"{"company": {"name": "Acme IT", "email": "hello@acme.example", "phone": "+1 555 0100"}, "plans": []}"#),
        &[],
    )
    .await;
    assert!(find(&host, ".cf-config-error").is_none(), "visitors never see the owner's list");
    assert_eq!(text(&host, ".cf-unavailable__title"), "The cost calculator is not available right now.");
    let contact = all_text(&host, ".cf-unavailable__contact a");
    assert_eq!(contact, vec!["hello@acme.example".to_string(), "+1 555 0100".to_string()]);
}

#[wasm_bindgen_test]
async fn the_host_page_hears_which_next_step_was_taken() {
    use std::cell::RefCell;
    use wasm_bindgen::closure::Closure;
    let target = document().create_element("section").unwrap();
    document().body().unwrap().append_child(&target).unwrap();
    let heard = Rc::new(RefCell::new(Vec::<String>::new()));
    let listener = {
        let heard = heard.clone();
        Closure::<dyn FnMut(web_sys::CustomEvent)>::new(move |e: web_sys::CustomEvent| {
            let detail = e.detail();
            let action = js_sys::Reflect::get(&detail, &"action".into()).unwrap().as_string().unwrap();
            let users = js_sys::Reflect::get(&js_sys::Reflect::get(&detail, &"answers".into()).unwrap(), &"users".into())
                .unwrap()
                .as_f64()
                .unwrap();
            heard.borrow_mut().push(format!("{action} {users}"));
        })
    };
    target.add_event_listener_with_callback("contract-fit:next-step", listener.as_ref().unchecked_ref()).unwrap();
    let host = mount_embedded(None, &[("eventTarget", target.clone().into())]).await;
    target.append_child(&host).unwrap();
    let copy = root_button(&host, "Copy summary");
    copy.click();
    updated().await;
    assert_eq!(*heard.borrow(), vec!["copy 10".to_string()]);
}

#[wasm_bindgen_test]
async fn a_widget_whose_container_left_the_page_tells_the_host_nothing() {
    // What a restart leaves behind: an instance still alive, its container replaced.
    let target = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&target).unwrap();
    let heard = Rc::new(std::cell::Cell::new(0));
    let listener = {
        let heard = heard.clone();
        wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::Event)>::new(move |_: web_sys::Event| heard.set(heard.get() + 1))
    };
    target.add_event_listener_with_callback("contract-fit:next-step", listener.as_ref().unchecked_ref()).unwrap();
    let host = mount_embedded(None, &[("eventTarget", target.clone().into())]).await;
    let copy = root_button(&host, "Copy summary");
    copy.click();
    updated().await;
    assert_eq!(heard.get(), 1, "heard while in the page");

    host.remove();
    copy.click();
    updated().await;
    assert_eq!(heard.get(), 1, "nothing once its container is gone");
}

fn root_button(root: &Element, label: &str) -> web_sys::HtmlElement {
    let buttons = root.query_selector_all("button").unwrap();
    (0..buttons.length())
        .filter_map(|i| buttons.item(i))
        .map(|n| n.unchecked_into::<web_sys::HtmlElement>())
        .find(|b| b.text_content().as_deref() == Some(label))
        .unwrap_or_else(|| panic!("no button {label:?}"))
}

#[wasm_bindgen_test]
async fn the_consultancy_accent_colour_is_set_without_a_style_attribute_in_markup() {
    let host = mount_embedded(Some(r##"{"theme": {"accent": "#ffeb3b"}}"##), &[]).await;
    let widget: web_sys::HtmlElement = find(&host, ".cf-widget").unwrap().unchecked_into();
    let style = widget.style();
    assert_eq!(style.get_property_value("--cf-theme-accent").unwrap(), "#ffeb3b");
    // A light accent gets dark text, for contrast.
    assert_eq!(style.get_property_value("--cf-theme-accent-text").unwrap(), "#000000");
}

#[wasm_bindgen_test]
async fn amounts_follow_the_currency_decimals_through_intl() {
    // Yen have no minor unit: 20 people × ¥12,000 and no decimals shown.
    let host = mount_embedded(
        Some(r#"{"currency": "JPY", "locale": "ja-JP", "plans": [{"id": "a", "name": "A", "response_hours": 4, "per_user": 12000}]}"#),
        &[],
    )
    .await;
    type_into(&host, "users", "20").await;
    assert_eq!(text(&host, ".cf-plan__monthly"), "￥240,000");
    assert_eq!(find(&host, ".cf-widget").unwrap().get_attribute("lang").as_deref(), Some("ja-JP"));

    // Kuwaiti dinars have three.
    let host = mount_embedded(
        Some(r#"{"currency": "KWD", "locale": "en-US", "plans": [{"id": "a", "name": "A", "response_hours": 4, "per_user": 30.125}]}"#),
        &[],
    )
    .await;
    type_into(&host, "users", "2").await;
    assert_eq!(text(&host, ".cf-plan__monthly"), "KWD\u{a0}60.250");
}

#[wasm_bindgen_test]
async fn the_company_logo_shows_with_its_name_as_alternative_text() {
    let host = mount_embedded(Some(r#"{"company": {"name": "Acme IT", "logo_url": "img/acme.svg"}}"#), &[]).await;
    let logo = find(&host, "img.cf-logo").unwrap();
    assert_eq!(logo.get_attribute("src").as_deref(), Some("img/acme.svg"));
    assert_eq!(logo.get_attribute("alt").as_deref(), Some("Acme IT logo"));
    let host = mount_embedded(None, &[]).await;
    assert!(find(&host, "img.cf-logo").is_none());
}

#[wasm_bindgen_test]
async fn a_config_without_questions_shows_prices_and_no_verdict() {
    let host = mount_embedded(
        Some(r#"{"questions": [], "bands": [{"id": "all", "min_score": 0, "label": "Any", "recommend": "contract"}]}"#),
        &[],
    )
    .await;
    assert!(find(&host, ".cf-fit").is_none());
    assert!(find(&host, ".cf-questions").is_none());
    assert_eq!(text(&host, ".cf-plan--recommended .cf-plan__name"), "Essential");
    assert!(text(&host, ".cf-recommend").contains("Essential plan"));
}

#[wasm_bindgen_test]
async fn extreme_but_valid_configs_render_without_nan_or_blanks() {
    let plans: Vec<String> = (0..12)
        .map(|i| format!(r#"{{"id": "p{i}", "name": "Plan {i}", "response_hours": {}, "per_user": {}, "minimum_monthly": 10000000}}"#, 0.01 + i as f64, i * 1000))
        .collect();
    let configs = [
        r#"{"rates": {"hourly": 0}, "workload": {"emergency_share": 1, "incident_impact": 1}}"#.to_string(),
        r#"{"rates": {"hourly": 1000000, "priority_multiplier": 10, "payg_response_hours": 8760}}"#.to_string(),
        r#"{"workload": {"hours_per_user": 0, "hours_per_computer": 0, "hours_per_server": 0}}"#.to_string(),
        format!(r#"{{"currency": "JPY", "plans": [{}]}}"#, plans.join(",")),
    ];
    for config in &configs {
        let host = mount_embedded(Some(config), &[]).await;
        for users in ["1", "10000"] {
            type_into(&host, "users", users).await;
            type_into(&host, "servers", "2000").await;
            answer_all(&host, 0).await;
            let shown = host.text_content().unwrap();
            for bad in ["NaN", "undefined", "Infinity", "null"] {
                assert!(!shown.contains(bad), "{bad} shown for {config} with {users} users");
            }
            assert!(find(&host, ".cf-plan__monthly").is_some(), "prices shown for {config}");
        }
    }
}

/// What a config says is shown as typed in every section (cards, plans, tables, the chart): markup
/// in a name, a feature or a verdict is never parsed or run.
#[wasm_bindgen_test]
async fn words_with_markup_characters_are_shown_as_typed_in_every_section() {
    let evil = r#"<img src=x onerror="window.cfInjected=1">A&B "Q" 'q' &amp;"#;
    let as_json = evil.replace('"', "\\\"");
    let config = format!(
        r#"{{"company": {{"name": "{as_json}", "phone": "", "email": ""}},
            "plans": [{{"id": "p", "name": "{as_json}", "description": "{as_json}", "response_hours": 4, "per_user": 50,
                "features": ["{as_json}"]}}],
            "bands": [{{"id": "all", "min_score": 0, "label": "{as_json}", "message": "{as_json}", "recommend": "contract"}}]}}"#
    );
    let host = mount_embedded(Some(&config), &[("contactEmail", wasm_bindgen::JsValue::NULL)]).await;
    answer_all(&host, 0).await;
    assert!(find(&host, ".cf-plan").is_some(), "the plan card is drawn");
    assert!(
        host.query_selector_all("img:not(.cf-logo), script").unwrap().length() == 0,
        "no element came from a config's words"
    );
    assert!(js_sys::Reflect::get(&web_sys::window().unwrap(), &"cfInjected".into()).unwrap().is_undefined());
    for selector in [".cf-plan__name", ".cf-plan__description", ".cf-plan__features li", ".cf-fit__band", ".cf-fit__message",
        ".cf-chart__label", ".cf-legend__item--0", ".cf-chart__table tbody th"] {
        assert_eq!(text(&host, selector), evil, "{selector} shows the words as typed");
    }
    assert!(text(&host, ".cf-intro").contains(evil), "the header names the company as typed");
    assert!(text(&host, ".cf-compare thead").contains(evil), "the comparison names the plan as typed");
}
