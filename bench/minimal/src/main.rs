//! The benchmark's baseline: the smallest useful Yew app, a counter. Whatever the widget costs
//! beyond this (bytes, start-up time) is the widget's own; what this costs is Yew's.

use yew::prelude::*;

#[component]
fn App() -> Html {
    let count = use_state(|| 0u32);
    let onclick = {
        let count = count.clone();
        Callback::from(move |_| count.set(*count + 1))
    };
    // `data-bench` is what the benchmark waits for: the first render, as the widget's first price.
    html! {
        <main>
            <p data-bench="first-render">{ *count }</p>
            <button type="button" {onclick}>{ "+1" }</button>
        </main>
    }
}

fn main() {
    yew::Renderer::<App>::new().render();
}
