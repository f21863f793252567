namespace Nop.Services.Events;

public partial interface IConsumer<T>
{
    Task HandleEventAsync(T eventMessage);
}
